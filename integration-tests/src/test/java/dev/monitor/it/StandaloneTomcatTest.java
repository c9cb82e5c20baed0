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
    Path home = ServletDistributions.unzip(Paths.get("target", "other-versions", zip), unpacked);
    boolean javax = version.startsWith("9.");
    try {
      ServletDistributions.clean(home.resolve("webapps"));
      ServletDistributions.writeWebapp(home.resolve("webapps").resolve("shop"), javax);
      ServletDistributions.writeWebapp(home.resolve("webapps").resolve("blog"), javax);
      int port = ServletDistributions.freePort();
      configure(home.resolve("conf").resolve("server.xml"), port);
      try (ChildJvm tomcat = start(home, port)) {
        assertTrue(tomcat.outputContains("Apache Tomcat/" + version), "runs Tomcat " + version);
        ServletDistributions.driveShopAndBlog(tomcat, "tomcat");
        assertEquals(2, ServletDistributions.webappLoaders(tomcat, LOADER, 2), "one loader per webapp");

        // undeploy /blog (its folder removed, as an operator does): its loader must be collectable
        ServletDistributions.clean(home.resolve("webapps").resolve("blog"));
        Files.delete(home.resolve("webapps").resolve("blog"));
        ServletDistributions.awaitOutput(tomcat, "Undeploying", 1);
        assertEquals(1, ServletDistributions.webappLoaders(tomcat, LOADER, 1), "the undeployed webapp's loader was collected");
        assertEquals(404, tomcat.app("/blog/api/hello").statusCode());

        // deploy it again: a new loader, and its routes count on
        ServletDistributions.writeWebapp(home.resolve("webapps").resolve("blog"), javax);
        ServletDistributions.awaitOutput(tomcat, "/blog] has finished", 2);
        ServletDistributions.checkRedeployed(tomcat, LOADER);
      }
    } finally {
      ServletDistributions.clean(unpacked);
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

  /** The connector on {@code port}, no shutdown port, and deployment checked every second. */
  static void configure(Path serverXml, int port) throws IOException {
    String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
    xml = xml.replace("<Server port=\"8005\"", "<Server port=\"-1\"")
        .replace("port=\"8080\"", "port=\"" + port + "\"")
        .replace("<Engine name=\"Catalina\"", "<Engine name=\"Catalina\" backgroundProcessorDelay=\"1\"");
    assertTrue(xml.contains("port=\"" + port + "\"") && xml.contains("backgroundProcessorDelay"), "server.xml as expected");
    Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
  }
}
