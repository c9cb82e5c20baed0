package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WARs in Jetty's home distribution (the {@code jetty-home} zip from Maven Central; a version is
 * one line in the pom), set up as Jetty's documentation says: a separate {@code jetty.base} made
 * with {@code start.jar}, exploded webapps in its {@code webapps/}, the deployer scanning every
 * second, and the agent on the JVM that runs {@code start.jar}. Jetty 9.4 serves javax webapps,
 * 12 jakarta ones through its ee10 environment. As with Tomcat: two webapps count apart by
 * context path, an undeployed one leaves no webapp class loader behind, and deployed again it
 * counts on.
 */
class StandaloneJettyTest {

  static List<String> distributions() throws IOException {
    return OtherVersions.zips("jetty-home-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distributions")
  void twoWebappsCountApartAndAnUndeployedOneLeavesNoLoader(String zip) throws Exception {
    String version = OtherVersions.version(zip);
    boolean javax = version.startsWith("9.");
    String loader = javax ? "org.eclipse.jetty.webapp.WebAppClassLoader"
        : version.startsWith("12.0.") ? "org.eclipse.jetty.ee10.webapp.WebAppClassLoader"
        // 12.1 moved the environments' common webapp classes to org.eclipse.jetty.ee
        : "org.eclipse.jetty.ee.webapp.WebAppClassLoader";
    Path unpacked = Files.createTempDirectory("jetty-");
    try {
      Path home = ServletDistributions.unzip(Paths.get("target", "other-versions", zip), unpacked);
      Path base = Files.createDirectory(unpacked.resolve("base"));
      // Jetty 9.4 adds modules to start.ini, 12 to start.d/*.ini: each version's own command
      makeBase(home, base, javax ? "--add-to-start=http,deploy" : "--add-modules=http,ee10-deploy");
      Path webapps = Files.createDirectories(base.resolve("webapps"));
      ServletDistributions.writeWebapp(webapps.resolve("shop"), javax);
      ServletDistributions.writeWebapp(webapps.resolve("blog"), javax);
      int port = ServletDistributions.freePort();
      try (ChildJvm jetty = ChildJvm.builder("org.eclipse.jetty.start.Main")
          .server(Collections.singletonList(home.resolve("start.jar").toString()), port, "oejs.Server:main: Started",
              "jetty.home=" + home, "jetty.base=" + base, "jetty.http.port=" + port, "jetty.deploy.scanInterval=1",
              // Jetty 12 keeps a kept-alive connection's last context until its next request
              // (seen without the agent too): idle connections close after 1 s, so only what
              // the agent might hold keeps an undeployed webapp's loader
              "jetty.http.idleTimeout=1000")
          .start()) {
        assertTrue(jetty.outputContains("jetty-" + version), "runs Jetty " + version);
        ServletDistributions.driveShopAndBlog(jetty, "jetty");
        assertEquals(2, ServletDistributions.webappLoaders(jetty, loader, 2), "one loader per webapp");

        // undeploy /blog (its folder removed): its loader must be collectable
        ServletDistributions.clean(webapps.resolve("blog"));
        Files.delete(webapps.resolve("blog"));
        awaitStatus(jetty, "/blog/api/users/probe", 404);
        wakeSelectors(port);
        assertEquals(1, ServletDistributions.webappLoaders(jetty, loader, 1), "the undeployed webapp's loader was collected");

        // deploy it again: a new loader, and its routes count on
        ServletDistributions.writeWebapp(webapps.resolve("blog"), javax);
        awaitStatus(jetty, "/blog/api/users/probe", 200);
        ServletDistributions.checkRedeployed(jetty, loader);
      }
    } finally {
      ServletDistributions.clean(unpacked);
      Files.deleteIfExists(unpacked);
    }
  }

  /**
   * A few requests, each on a new connection that closes, outside any webapp. A Jetty selector
   * thread, blocked in {@code select()}, still points at the last key it handled, and through
   * that connection at the last webapp it served (a heap dump of this test showed
   * {@code ManagedSelector$SelectorProducer._cursor} holding the undeployed webapp's loader, with
   * and without the agent alike); new connections move every selector on.
   */
  static void wakeSelectors(int port) throws Exception {
    Thread.sleep(1500); // past the 1 s idle timeout: the kept-alive connections are closed
    for (int i = 0; i < 8; i++) {
      RawHttp.exchange(port, "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 5000);
    }
  }

  /** {@code java -jar start.jar <addModules>} in the new base, without the agent, as an operator sets one up. */
  static void makeBase(Path home, Path base, String addModules) throws Exception {
    Process setup = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base, addModules)
        .directory(base.toFile()).redirectErrorStream(true).start();
    String out = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(setup.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, setup.exitValue(), out);
  }

  /**
   * Asks {@code path} until it answers {@code status}: the deployer scans every second, and until
   * it has, the old state answers (counted by the agent under the path's own route, which the
   * test therefore leaves out of its counts).
   */
  static void awaitStatus(ChildJvm jetty, String path, int status) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    int last;
    while ((last = jetty.app(path).statusCode()) != status) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " answered " + last + ", not " + status + ", for 30 s:\n" + jetty.output());
      }
      Thread.sleep(200);
    }
  }
}
