package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

/**
 * A WAR that brings its own HikariCP and H2 in {@code WEB-INF/lib}, in a standalone Tomcat 10.1:
 * every class the agent instruments for it (the pool, its proxies, the driver) is loaded and
 * woven in the webapp's class loader, and the agent then remembers the pool (its gauges and its
 * health check), the driver's connections and statements. Undeployed, the webapp's loader must
 * still be collected: nothing the agent keeps (type descriptions, parsed advice, the pool's
 * entry, the landmark answers) may hold it. Deployed again, it is instrumented again.
 */
class WebappLibrariesTest {

  static final String POOL = "db_client_connection_pool_name";

  @Test
  void aWebappsOwnPoolAndDriverAreTimedAndLeaveNoLoaderWhenUndeployed() throws Exception {
    String zip = OtherVersions.zips("tomcat-").stream().filter(z -> z.startsWith("tomcat-10.1.")).findFirst().orElseThrow();
    Path unpacked = Files.createTempDirectory("tomcat-");
    try {
      Path home = ServletDistributions.unzip(Paths.get("target", "other-versions", zip), unpacked);
      Path webapps = home.resolve("webapps");
      ServletDistributions.clean(webapps);
      writeJdbcWebapp(webapps.resolve("orders"));
      ServletDistributions.writeWebapp(webapps.resolve("blog"), false);
      int port = ServletDistributions.freePort();
      StandaloneTomcatTest.configure(home.resolve("conf").resolve("server.xml"), port);
      try (ChildJvm tomcat = StandaloneTomcatTest.start(home, port)) {
        for (String id : new String[] {"1", "2", "3"}) {
          java.net.http.HttpResponse<String> answer = tomcat.app("/orders/api/users/" + id);
          assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals("grace", tomcat.app("/orders/api/users/3").body());
        Scrape s = tomcat.scrape();
        assertEquals(4, s.value("db_client_operation_duration_seconds_count", "db_system_name", "h2",
            "db_operation_name", "SELECT", "db_collection_name", "users"), "the webapp's own driver is timed");
        assertEquals(2, s.value("db_client_connection_max", POOL, "orders-pool"), "the webapp's own pool is read");
        assertEquals(4, ServletScenario.count(s, "GET", "/orders/api/users/{id}", "200"));
        assertTrue(tomcat.monitor("/health/database").body().contains("\"database:orders-pool\""));
        assertEquals(2, ServletDistributions.webappLoaders(tomcat, StandaloneTomcatTest.LOADER, 2));

        ServletDistributions.clean(webapps.resolve("orders"));
        Files.delete(webapps.resolve("orders"));
        ServletDistributions.awaitOutput(tomcat, "Undeploying", 1);
        assertEquals(1, ServletDistributions.webappLoaders(tomcat, StandaloneTomcatTest.LOADER, 1),
            "the undeployed webapp's loader, with its HikariCP and H2, was collected");
        // a closed pool is dropped when the agent next reads the pools (the harvest, every 5 s)
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (tomcat.monitor("/health/database").body().contains("orders-pool") && System.nanoTime() < deadline) {
          Thread.sleep(250);
        }
        assertFalse(tomcat.monitor("/health/database").body().contains("orders-pool"), "its closed pool is dropped");

        writeJdbcWebapp(webapps.resolve("orders"));
        ServletDistributions.awaitOutput(tomcat, "/orders] has finished", 2);
        assertEquals("ada", tomcat.app("/orders/api/users/1").body());
        Scrape after = tomcat.scrape();
        assertEquals(5, after.value("db_client_operation_duration_seconds_count", "db_system_name", "h2",
            "db_operation_name", "SELECT", "db_collection_name", "users"), "woven again in the new loader");
        assertEquals(0, ChildJvm.occurrences(tomcat.output(), "advice failed"), tomcat.output());
      }
    } finally {
      ServletDistributions.clean(unpacked);
      Files.deleteIfExists(unpacked);
    }
  }

  /** The JDBC servlet's class file, its web.xml, and HikariCP, H2 and SLF4J in WEB-INF/lib. */
  static void writeJdbcWebapp(Path webapp) throws Exception {
    Class<?> servlet = dev.monitor.it.apps.war.JakartaJdbcWarServlet.class;
    String name = servlet.getName().replace('.', '/') + ".class";
    Path classFile = webapp.resolve("WEB-INF").resolve("classes").resolve(name);
    Files.createDirectories(classFile.getParent());
    try (InputStream in = servlet.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, classFile, StandardCopyOption.REPLACE_EXISTING);
    }
    Path lib = Files.createDirectories(webapp.resolve("WEB-INF").resolve("lib"));
    String classpath = Files.readString(Paths.get("target", "child-classpath.txt")).trim();
    int copied = 0;
    for (String jar : classpath.split(java.io.File.pathSeparator)) {
      String file = Paths.get(jar).getFileName().toString();
      if (file.matches("(HikariCP|h2|slf4j-api)-\\d.*\\.jar")) {
        Files.copy(Paths.get(jar), lib.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        copied++;
      }
    }
    assertEquals(3, copied, "HikariCP, H2 and SLF4J from the test class path");
    Files.writeString(webapp.resolve("WEB-INF").resolve("web.xml"),
        "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"5.0\" metadata-complete=\"true\">\n"
            + "  <servlet><servlet-name>api</servlet-name><servlet-class>" + servlet.getName() + "</servlet-class>"
            + "<load-on-startup>1</load-on-startup></servlet>\n"
            + "  <servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>\n"
            + "</web-app>\n");
  }
}
