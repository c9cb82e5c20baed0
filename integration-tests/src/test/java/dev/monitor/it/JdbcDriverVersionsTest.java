package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JdbcApp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every H2 and PostgreSQL driver the pom copies (a version is one line; the test class path's are
 * the newest), under HikariCP: statements by operation and table, a failing query with its SQLSTATE,
 * the database as its URL names it, and the data source's health.
 */
class JdbcDriverVersionsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DURATION = "db_client_operation_duration_seconds";

  static List<String> drivers() throws IOException {
    List<String> jars = new ArrayList<>(OtherVersions.jars("h2-"));
    jars.addAll(OtherVersions.jars("postgresql-"));
    return jars;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void statementsFailuresAndHealthOnEachDriver(String jar) throws Exception {
    boolean postgres = jar.startsWith("postgresql-");
    String url = postgres ? Postgres.shared().url() : "jdbc:h2:mem:drivers;DB_CLOSE_DELAY=-1";
    ChildJvm.Builder builder =
        ChildJvm.builder(JdbcApp.class.getName())
            .property("jdbc.url", url)
            .property("jdbc.pool", "hikari")
            .replacing(postgres ? "postgresql-" : "h2-", jar);
    if (postgres) {
      builder.property("jdbc.user", "postgres");
    }
    try (ChildJvm app = builder.start()) {
      assertTrue(app.output().contains("APP driver from ") && app.output().contains("/" + jar), "runs on " + jar);
      assertEquals("ok\n", app.app("/setup").body());
      assertEquals("inserted 1\ninserted 1\n", app.app("/insert?n=2").body());
      assertEquals("found\n", app.app("/select").body());
      assertEquals("updated 0\n", app.app("/update").body());
      String missingTable = postgres ? "42P01" : "42S02"; // undefined table, as each database says it
      assertTrue(app.app("/fail").body().trim().endsWith(" " + missingTable));

      Scrape s = app.scrape();
      String system = postgres ? "postgresql" : "h2";
      String namespace = postgres ? "postgres" : "drivers";
      assertEquals(2, operations(s, system, namespace, "INSERT", "users"));
      assertEquals(1, operations(s, system, namespace, "SELECT", "users"));
      assertEquals(1, operations(s, system, namespace, "UPDATE", "users"));
      assertEquals(1, s.value(DURATION + "_count", "db_system_name", system, "db_operation_name", "SELECT",
          "db_collection_name", "missing_table", "error_type", missingTable.substring(0, 2),
          "db_response_status_code", missingTable));
      JsonNode database = JSON.readTree(app.monitor("/health/database").body());
      assertEquals("UP", database.get("status").asText(), database.toString());
      assertEquals(200, app.monitor("/health/ready").statusCode());
    }
  }

  static double operations(Scrape s, String system, String namespace, String operation, String table) {
    return s.value(DURATION + "_count", "db_system_name", system, "db_namespace", namespace,
        "db_operation_name", operation, "db_collection_name", table);
  }
}
