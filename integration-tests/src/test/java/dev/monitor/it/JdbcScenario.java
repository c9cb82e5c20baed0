package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JdbcApp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every database and pool must show under the agent, run by one subclass per pair: a child
 * JVM with {@link JdbcApp} on a pool of 2 connections and a 700 ms borrow timeout, driven with
 * known statements. The tests run in order on the same child; each checks only the series its
 * own statements produced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class JdbcScenario {

  static final String DURATION = "db_client_operation_duration_seconds";
  static final ObjectMapper JSON = new ObjectMapper();
  /** Literals of the app's SQL, which must never leave the process. */
  static final String[] LITERALS = {"secret-literal-xyz", "hidden-literal-abc", "424242", "name-100"};

  ChildJvm app;

  /** hikari, dbcp2, tomcat, c3p0 or plain (see JdbcPools). */
  abstract String pool();

  abstract String url() throws Exception;

  abstract String system();

  abstract String namespace();

  /** The SQLState the database answers for a missing table. */
  abstract String missingTableState();

  /** The pool's library as the agent names it ("hikaricp"…). */
  abstract String poolKind();

  /** The statement the "sleep" operation runs, as the agent shows it sanitized. */
  abstract String sleepStatement();

  ChildJvm.Builder customize(ChildJvm.Builder builder) {
    return builder;
  }

  @BeforeAll
  void startApp() throws Exception {
    app =
        customize(
                ChildJvm.builder(JdbcApp.class.getName())
                    .property("jdbc.url", url())
                    .property("jdbc.pool", pool())
                    .property("jdbc.user", system().equals("postgresql") ? "postgres" : "sa")
                    .property("jdbc.max", "2")
                    .property("jdbc.waitMs", "700"))
            .start();
    // A pool that opens its first connections slowly on a busy machine (c3p0) can time out the
    // very first borrow; setup is idempotent, so it is tried again rather than failing the class.
    String setup = run("setup");
    for (int attempt = 0; attempt < 3 && !setup.equals("ok\n"); attempt++) {
      Thread.sleep(500);
      setup = run("setup");
    }
    assertEquals("ok\n", setup);
  }

  @AfterAll
  void stopApp() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  /**
   * Which of the application's JDBC objects carry the agent's field ({@code AgentTagged}): the
   * connection and statement it holds, and the driver's connection under them. Where they do,
   * every figure of this scenario was noted in the objects; where not, in the agent's maps.
   */
  String taggedObjects() {
    return "connection true statement true driver connection true";
  }

  String run(String path) throws Exception {
    HttpResponse<String> response = app.app("/" + path);
    assertEquals(200, response.statusCode());
    return response.body();
  }

  Map<String, String> labels(String operation, String table, String... more) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("db_system_name", system());
    labels.put("db_namespace", namespace());
    labels.put("db_operation_name", operation);
    if (table != null) {
      labels.put("db_collection_name", table);
    }
    for (int i = 0; i < more.length; i += 2) {
      labels.put(more[i], more[i + 1]);
    }
    return labels;
  }

  JsonNode json(String path) throws Exception {
    return JSON.readTree(app.monitor(path).body());
  }

  @Test
  @Order(1)
  void countsKnownStatementsByOperationAndTable() throws Exception {
    assertTrue(run("insert?n=3").startsWith("inserted 1"));
    assertTrue(run("select?n=4").startsWith("found"));
    assertEquals("updated 0\nupdated 0\n", run("update?n=2"));
    assertEquals("deleted 0\n", run("delete"));
    assertEquals("batched 3\n", run("batch"));

    Scrape scrape = app.scrape();
    assertEquals(3, scrape.value(DURATION + "_count", labels("INSERT", "users")));
    assertEquals(4, scrape.value(DURATION + "_count", labels("SELECT", "users")));
    assertEquals(2, scrape.value(DURATION + "_count", labels("UPDATE", "users")));
    assertEquals(1, scrape.value(DURATION + "_count", labels("DELETE", "users")));
    assertEquals(1, scrape.value(DURATION + "_count", labels("BATCH INSERT", "users")));
    // setup: DROP TABLE and CREATE TABLE through a plain Statement
    assertEquals(1, scrape.value(DURATION + "_count", labels("DROP", "users")));
    assertEquals(1, scrape.value(DURATION + "_count", labels("CREATE", "users")));
    // none was slow, and each has its slow count at 0 already, for rate() and alert rules
    assertEquals(0, scrape.value("db_client_slow_operations_total", labels("SELECT", "users")));
    assertEquals(0, scrape.value("db_client_slow_operations_total", labels("INSERT", "users")));
    double selectSeconds = scrape.value(DURATION + "_sum", labels("SELECT", "users"));
    assertTrue(selectSeconds > 0 && selectSeconds < 1, "select time " + selectSeconds);

    JsonNode database = json("/metrics.json").get("database");
    JsonNode select = null;
    for (JsonNode row : database.get("byOperation")) {
      if (row.get("operation").asText().equals("SELECT") && row.get("table").asText().equals("users")) {
        select = row;
      }
    }
    assertEquals(4, select.get("count").asLong(), database.toString());
    assertEquals(system(), select.get("system").asText());

    JsonNode pool = database.get("pools").get(0);
    assertEquals(poolKind(), pool.get("kind").asText());
    // every statement borrowed and returned one connection (plus setup's)
    String poolName = pool.get("name").asText();
    assertEquals(12, scrape.value("db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name", poolName));
    assertEquals(12, scrape.value("db_client_connection_use_time_seconds_count", "db_client_connection_pool_name", poolName));
    assertEquals(0, scrape.value("db_client_connection_count", "db_client_connection_pool_name", poolName, "db_client_connection_state", "used"));
  }

  @Test
  @Order(2)
  void countsAFailingQueryWithItsErrorTypeAndStillThrowsIt() throws Exception {
    String answer = run("fail");
    assertTrue(answer.startsWith("error ") && answer.trim().endsWith(" " + missingTableState()), answer);
    Scrape scrape = app.scrape();
    assertEquals(
        1,
        scrape.value(
            DURATION + "_count",
            labels("SELECT", "missing_table",
                "error_type", missingTableState().substring(0, 2),
                "db_response_status_code", missingTableState())));
    JsonNode database = json("/metrics.json").get("database");
    assertEquals(1, database.get("errors").asLong());
  }

  @Test
  @Order(3)
  void putsASlowQueryInTheRightBucketAndCountsItSlow() throws Exception {
    assertEquals("slept\n", run("sleep"));
    Scrape scrape = app.scrape();
    Map<String, String> sleep = labels("SELECT", null);
    assertEquals(1, scrape.value(DURATION + "_count", sleep));
    Map<String, String> le = new LinkedHashMap<>(sleep);
    le.put("le", "0.1");
    assertEquals(0, scrape.value(DURATION + "_bucket", le));
    le.put("le", "0.5");
    assertEquals(1, scrape.value(DURATION + "_bucket", le));
    assertEquals(1, scrape.value("db_client_slow_operations_total", sleep));

    JsonNode slow = json("/metrics.json").get("database").get("slowQueries");
    assertEquals(100.0, slow.get("thresholdMs").asDouble());
    assertEquals(1, slow.get("count").asLong());
    JsonNode slowest = slow.get("slowestStatements").get(0);
    assertEquals(sleepStatement(), slowest.get("statement").asText());
    assertEquals(1, slowest.get("count").asLong());
    assertTrue(slowest.get("p95Ms").asDouble() >= 195, slowest.toString());

    String log = waitForLine("\"event\":\"db.slow_query\"");
    assertTrue(log.contains("\"statement\":\"" + sleepStatement() + "\""), log);
    assertTrue(log.contains("\"db.system.name\":\"" + system() + "\""), log);
  }

  @Test
  @Order(4)
  void neverShowsALiteralOfAQuery() throws Exception {
    String metrics = app.monitor("/metrics").body();
    String summary = app.monitor("/metrics.json").body();
    String output = app.output();
    for (String literal : LITERALS) {
      assertFalse(metrics.contains(literal), literal + " in /metrics");
      assertFalse(summary.contains(literal), literal + " in /metrics.json");
      assertFalse(output.contains(literal), literal + " in the log");
    }
  }

  @Test
  @Order(5)
  void reportsTheDatabaseHealthWithItsPool() throws Exception {
    HttpResponse<String> response = app.monitor("/health/database");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("UP", body.get("status").asText());
    JsonNode check = body.get("checks").elements().next();
    assertEquals("UP", check.get("status").asText());
    assertTrue(check.get("responseTimeMs").asDouble() > 0);
    JsonNode details = check.get("details");
    assertEquals(system(), details.get("db.system.name").asText());
    assertEquals(poolKind(), details.get("poolKind").asText());
    assertFalse(details.get("version").asText().isEmpty());
    assertEquals(200, app.monitor("/health/ready").statusCode());
    assertTrue(json("/health/detailed").get("checks").has(body.get("checks").fieldNames().next()));
  }

  @Test
  @Order(6)
  void showsAnExhaustedPoolWithWaitersAndATimeout() throws Exception {
    assertEquals("holding 2", run("hold?n=2&ms=4000"));
    CompletableFuture<HttpResponse<String>> waiter =
        ChildJvm.HTTP.sendAsync(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.appPort + "/borrow")).build(),
            HttpResponse.BodyHandlers.ofString());
    String poolName = json("/metrics.json").get("database").get("pools").get(0).get("name").asText();
    double pending = 0;
    Scrape scrape = null;
    for (int i = 0; i < 40 && pending < 1; i++) {
      scrape = app.scrape();
      pending = scrape.value("db_client_connection_pending_requests", "db_client_connection_pool_name", poolName);
      Thread.sleep(15);
    }
    assertEquals(1, pending, "a waiting borrower");
    assertEquals(2, scrape.value("db_client_connection_count", "db_client_connection_pool_name", poolName, "db_client_connection_state", "used"));
    assertEquals(2, scrape.value("db_client_connection_max", "db_client_connection_pool_name", poolName));

    String answer = waiter.get().body();
    assertTrue(answer.startsWith("error "), answer);
    assertEquals(1, app.scrape().value("db_client_connection_timeouts_total", "db_client_connection_pool_name", poolName));

    // the health check result is cached for 2 s; the connections stay held for 4 s
    JsonNode health = json("/health/database");
    for (int i = 0; i < 30 && !health.get("status").asText().equals("DEGRADED"); i++) {
      Thread.sleep(100);
      health = json("/health/database");
    }
    assertEquals("DEGRADED", health.get("status").asText(), health.toString());
    assertEquals(200, app.monitor("/health/ready").statusCode(), "an exhausted pool is degraded, not down");
  }

  String waitForLine(String marker) throws Exception {
    for (int i = 0; i < 100; i++) {
      for (String line : app.output().split("\n")) {
        if (line.contains(marker)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line with " + marker + " in:\n" + app.output());
  }

  @Test
  @Order(7)
  void notesLiveInTheDriversAndPoolsObjectsWhereTheAgentCouldAddItsField() throws Exception {
    String answer = run("tagged").trim();
    for (int i = 0; i < 50 && answer.startsWith("error"); i++) {
      Thread.sleep(200); // the exhausted pool's holders give their connections back
      answer = run("tagged").trim();
    }
    assertEquals(taggedObjects(), answer);
  }
}
