package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JdbcApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every HikariCP the pom copies (a version is one line), built as Spring Boot builds it (no pool
 * name, so HikariCP names it as it starts): the pool as HikariCP names it, its gauges while it is
 * exhausted, a borrow that times out, statements by table, and its health.
 */
class HikariVersionsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String POOL = "db_client_connection_pool_name";

  static List<String> jars() throws IOException {
    return OtherVersions.jars("HikariCP-", "HikariCP-3.0.0.jar");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jars")
  void poolGaugesTimeoutsAndHealth(String jar) throws Exception {
    try (ChildJvm app =
        ChildJvm.builder(JdbcApp.class.getName())
            .property("jdbc.url", "jdbc:h2:mem:versions;DB_CLOSE_DELAY=-1")
            .property("jdbc.pool", "hikari-unnamed")
            .property("jdbc.max", "2")
            .property("jdbc.waitMs", "500")
            .replacing("HikariCP-", jar)
            .start()) {
      assertTrue(app.output().contains("APP pool from ") && app.output().contains("/" + jar), "runs on " + jar);
      assertEquals("ok\n", app.app("/setup").body());
      assertEquals("inserted 1\ninserted 1\n", app.app("/insert?n=2").body());
      String pool = "HikariPool-1";
      Scrape idle = app.scrape();
      assertEquals(2, idle.value("db_client_operation_duration_seconds_count", "db_system_name", "h2",
          "db_namespace", "versions", "db_operation_name", "INSERT", "db_collection_name", "users"));
      assertEquals(2, idle.value("db_client_connection_max", POOL, pool), idle.text);
      assertEquals(3, idle.value("db_client_connection_wait_time_seconds_count", POOL, pool));

      assertEquals("holding 2", app.app("/hold?n=2&ms=3000").body());
      CompletableFuture<HttpResponse<String>> waiter =
          ChildJvm.HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + app.appPort + "/select")).build(),
              HttpResponse.BodyHandlers.ofString());
      Scrape exhausted = app.scrape();
      assertEquals(2, exhausted.value("db_client_connection_count", POOL, pool, "db_client_connection_state", "used"));
      String answer = waiter.get().body();
      assertTrue(answer.startsWith("error "), answer);
      assertEquals(1, app.scrape().value("db_client_connection_timeouts_total", POOL, pool));

      Thread.sleep(3200); // the held connections are back
      JsonNode checks = JSON.readTree(app.monitor("/health/database").body()).get("checks");
      assertEquals("UP", checks.get("database:" + pool).get("status").asText(), checks.toString());
      assertEquals("hikaricp", checks.get("database:" + pool).get("details").get("poolKind").asText());
    }
  }
}
