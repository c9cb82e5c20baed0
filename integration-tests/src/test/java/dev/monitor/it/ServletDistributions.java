package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What the standalone-container tests share: a distribution's zip unpacked, an exploded webapp
 * written, the container's webapp class loaders counted in a heap histogram.
 */
final class ServletDistributions {

  private ServletDistributions() {}

  /**
   * Webapp class loaders alive after a full GC ({@code jcmd GC.class_histogram} collects first),
   * read until there are {@code expected} or 20 s have passed (Tomcat lets go of an undeployed
   * webapp's threads and caches over a few seconds).
   */
  static int webappLoaders(ChildJvm jvm, String loader, int expected) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    int count;
    do {
      Process jcmd = new ProcessBuilder(
              Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(jvm.pid()),
              "GC.class_histogram")
          .redirectErrorStream(true).start();
      String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor();
      Matcher m = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(loader) + "\\b", Pattern.MULTILINE)
          .matcher(histogram);
      count = m.find() ? Integer.parseInt(m.group(1)) : 0;
      if (count == expected) {
        return count;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    // for whoever reads the failure: a dump of the heap that kept the loader (open it with a
    // heap analyser and ask for the paths from the GC roots to the loader)
    Path dump = Paths.get("target", "loader-leak-" + jvm.pid() + ".hprof").toAbsolutePath();
    new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(jvm.pid()),
        "GC.heap_dump", dump.toString()).redirectErrorStream(true).start().waitFor();
    System.out.println("[loaders] " + count + " " + loader + " instead of " + expected + "; heap dump: " + dump);
    return count;
  }

  static void awaitOutput(ChildJvm jvm, String part, int times) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (ChildJvm.occurrences(jvm.output(), part) < times) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("'" + part + "' not " + times + " times in:\n" + jvm.output());
      }
      Thread.sleep(200);
    }
  }

  /** An exploded webapp: web.xml mapping {@code /api/*} to the test servlet, and its class file. */
  static void writeWebapp(Path webapp, boolean javax) throws IOException {
    Class<?> servlet = javax ? dev.monitor.it.apps.war.JavaxWarServlet.class : dev.monitor.it.apps.war.JakartaWarServlet.class;
    String name = servlet.getName().replace('.', '/') + ".class";
    Path classFile = webapp.resolve("WEB-INF").resolve("classes").resolve(name);
    Files.createDirectories(classFile.getParent());
    try (InputStream in = servlet.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, classFile, StandardCopyOption.REPLACE_EXISTING);
    }
    String namespace = javax ? "http://xmlns.jcp.org/xml/ns/javaee\" version=\"4.0" : "https://jakarta.ee/xml/ns/jakartaee\" version=\"5.0";
    Files.writeString(webapp.resolve("WEB-INF").resolve("web.xml"),
        "<web-app xmlns=\"" + namespace + "\" metadata-complete=\"true\">\n"
            + "  <servlet><servlet-name>api</servlet-name><servlet-class>" + servlet.getName() + "</servlet-class></servlet>\n"
            + "  <servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>\n"
            + "</web-app>\n");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The distribution's one top folder, unpacked into {@code into}. */
  static Path unzip(Path zip, Path into) throws IOException {
    Path top = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (top == null) {
          top = into.resolve(into.relativize(target).getName(0));
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return top;
  }

  /** Deletes what is inside {@code dir} (the folder itself stays). */
  static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * The two webapps' traffic both standalone-container tests send (3 + 2 hellos, 2 users, one
   * failure) and the counts it must give, told apart by context path; the container's name is
   * the service's. Returns the scrape.
   */
  static Scrape driveShopAndBlog(ChildJvm container, String serviceName) throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, container.app("/shop/api/hello").statusCode());
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(200, container.app("/blog/api/hello").statusCode());
    }
    for (String id : new String[] {"12", "7"}) {
      assertEquals(200, container.app("/shop/api/users/" + id).statusCode());
    }
    assertEquals(500, container.app("/blog/api/fail").statusCode());
    // no webapp has this path: the container answers outside any servlet context, where the
    // agent, which sees requests in servlets, does not count it
    assertEquals(404, container.app("/nowhere/at/all").statusCode());
    Scrape s = container.scrape();
    assertTrue(s.text.contains("target_info{service_name=\"" + serviceName + "\""), "named after the container, not its launcher");
    assertEquals(3, ServletScenario.count(s, "GET", "/shop/api/hello", "200"));
    assertEquals(2, ServletScenario.count(s, "GET", "/blog/api/hello", "200"));
    assertEquals(2, ServletScenario.count(s, "GET", "/shop/api/users/{id}", "200"));
    assertEquals(1, s.value(ServletScenario.DURATION + "_count", "http_route", "/blog/api/fail",
        "http_response_status_code", "500", "error_type", "java.lang.IllegalStateException"));
    assertEquals(8, s.sum(ServletScenario.DURATION + "_count"));
    return s;
  }

  /**
   * After {@code /blog} was deployed again: it counts on from its earlier requests (3 hellos
   * after 2), {@code /shop} is untouched, there are two webapp loaders again, and no advice failed.
   */
  static void checkRedeployed(ChildJvm container, String loader) throws Exception {
    assertEquals(200, container.app("/blog/api/hello").statusCode());
    Scrape after = container.scrape();
    assertEquals(3, ServletScenario.count(after, "GET", "/blog/api/hello", "200"));
    assertEquals(3, ServletScenario.count(after, "GET", "/shop/api/hello", "200"));
    assertEquals(2, webappLoaders(container, loader, 2));
    assertEquals(0, ChildJvm.occurrences(container.output(), "advice failed"), container.output());
  }
}
