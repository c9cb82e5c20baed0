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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WARs in a standalone Tomcat, as operators install it (the distribution's zip from Maven Central;
 * a version is one line in the pom), with the agent on the container's JVM: two webapps at once,
 * each on its own webapp class loader, their routes told apart by context path; undeploying one
 * leaves no webapp class loader behind (the agent holds no strong reference to it: counted in a
 * heap histogram after a full GC), and the webapp deployed again counts on.
 */
class StandaloneTomcatTest {

  static final String LOADER = "org.apache.catalina.loader.ParallelWebappClassLoader";

  static List<String> distributions() throws IOException {
    return OtherVersions.zips("tomcat-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distributions")
  void twoWebappsCountApartAndAnUndeployedOneLeavesNoLoader(String zip) throws Exception {
    String version = OtherVersions.version(zip);
    Path unpacked = Files.createTempDirectory("tomcat-");
    Path home = unzip(Paths.get("target", "other-versions", zip), unpacked);
    boolean javax = version.startsWith("9.");
    try {
      clean(home.resolve("webapps"));
      writeWebapp(home.resolve("webapps").resolve("shop"), javax);
      writeWebapp(home.resolve("webapps").resolve("blog"), javax);
      int port = freePort();
      configure(home.resolve("conf").resolve("server.xml"), port);
      try (ChildJvm tomcat = start(home, port)) {
        assertTrue(tomcat.outputContains("Apache Tomcat/" + version), "runs Tomcat " + version);
        for (int i = 0; i < 3; i++) {
          assertEquals(200, tomcat.app("/shop/api/hello").statusCode());
        }
        for (int i = 0; i < 2; i++) {
          assertEquals(200, tomcat.app("/blog/api/hello").statusCode());
        }
        for (String id : new String[] {"12", "7"}) {
          assertEquals(200, tomcat.app("/shop/api/users/" + id).statusCode());
        }
        assertEquals(500, tomcat.app("/blog/api/fail").statusCode());

        Scrape s = tomcat.scrape();
        assertEquals(3, ServletScenario.count(s, "GET", "/shop/api/hello", "200"));
        assertEquals(2, ServletScenario.count(s, "GET", "/blog/api/hello", "200"));
        assertEquals(2, ServletScenario.count(s, "GET", "/shop/api/users/{id}", "200"));
        assertEquals(1, s.value(ServletScenario.DURATION + "_count", "http_route", "/blog/api/fail",
            "http_response_status_code", "500", "error_type", "java.lang.IllegalStateException"));
        assertEquals(8, s.sum(ServletScenario.DURATION + "_count"));
        assertEquals(2, webappLoaders(tomcat, 2), "one loader per webapp");

        // undeploy /blog (its folder removed, as an operator does): its loader must be collectable
        clean(home.resolve("webapps").resolve("blog"));
        Files.delete(home.resolve("webapps").resolve("blog"));
        awaitOutput(tomcat, "Undeploying", 1);
        assertEquals(1, webappLoaders(tomcat, 1), "the undeployed webapp's loader was collected");
        assertEquals(404, tomcat.app("/blog/api/hello").statusCode());

        // deploy it again: a new loader, and its routes count on
        writeWebapp(home.resolve("webapps").resolve("blog"), javax);
        awaitOutput(tomcat, "/blog] has finished", 2);
        assertEquals(200, tomcat.app("/blog/api/hello").statusCode());
        Scrape after = tomcat.scrape();
        assertEquals(3, ServletScenario.count(after, "GET", "/blog/api/hello", "200"));
        assertEquals(3, ServletScenario.count(after, "GET", "/shop/api/hello", "200"));
        assertEquals(2, webappLoaders(tomcat, 2));
        assertEquals(0, ChildJvm.occurrences(tomcat.output(), "advice failed"), tomcat.output());
      }
    } finally {
      clean(unpacked);
      Files.deleteIfExists(unpacked);
    }
  }

  static ChildJvm start(Path home, int port) throws Exception {
    Path bin = home.resolve("bin");
    return ChildJvm.builder("org.apache.catalina.startup.Bootstrap")
        .server(Arrays.asList(bin.resolve("bootstrap.jar").toString(), bin.resolve("tomcat-juli.jar").toString()),
            port, "Server startup in", "start")
        // what catalina.sh sets
        .property("catalina.home", home.toString())
        .property("catalina.base", home.toString())
        .property("java.io.tmpdir", home.resolve("temp").toString())
        .property("java.util.logging.manager", "org.apache.juli.ClassLoaderLogManager")
        .property("java.util.logging.config.file", home.resolve("conf").resolve("logging.properties").toString())
        .jvmOption("--add-opens=java.base/java.lang=ALL-UNNAMED")
        .jvmOption("--add-opens=java.base/java.io=ALL-UNNAMED")
        .jvmOption("--add-opens=java.base/java.util=ALL-UNNAMED")
        .jvmOption("--add-opens=java.base/java.util.concurrent=ALL-UNNAMED")
        .jvmOption("--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED")
        .start();
  }

  /**
   * Webapp class loaders alive after a full GC ({@code jcmd GC.class_histogram} collects first),
   * read until there are {@code expected} or 20 s have passed (Tomcat lets go of an undeployed
   * webapp's threads and caches over a few seconds).
   */
  static int webappLoaders(ChildJvm jvm, int expected) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    int count;
    do {
      Process jcmd = new ProcessBuilder(
              Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(jvm.pid()),
              "GC.class_histogram")
          .redirectErrorStream(true).start();
      String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor();
      Matcher m = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(LOADER) + "\\b", Pattern.MULTILINE)
          .matcher(histogram);
      count = m.find() ? Integer.parseInt(m.group(1)) : 0;
      if (count == expected) {
        return count;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
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

  /** The connector on {@code port}, no shutdown port, and deployment checked every second. */
  static void configure(Path serverXml, int port) throws IOException {
    String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
    xml = xml.replace("<Server port=\"8005\"", "<Server port=\"-1\"")
        .replace("port=\"8080\"", "port=\"" + port + "\"")
        .replace("<Engine name=\"Catalina\"", "<Engine name=\"Catalina\" backgroundProcessorDelay=\"1\"");
    assertTrue(xml.contains("port=\"" + port + "\"") && xml.contains("backgroundProcessorDelay"), "server.xml as expected");
    Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
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
}
