package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitor.it.apps.JedisApp;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** {@link RedisScenario} for Jedis through a {@code JedisPool} of 2 with a 700 ms borrow wait. */
abstract class JedisScenario extends RedisScenario {

  @Override
  String mainClass() {
    return JedisApp.class.getName();
  }

  @Override
  String commandWhileDown() {
    return "plain";
  }

  String poolName() {
    return "jedis@127.0.0.1:" + redis.port;
  }

  @Test
  @Order(1)
  void countsAKnownCommandMixOncePerCommand() throws Exception {
    assertAdds("mix", "mixed true PONG", "SET", 3, "GET", 4, "HMSET", 1, "HGETALL", 2, "EVAL", 1, "PING", 1);
    Scrape scrape = app.scrape();
    double getSeconds = scrape.value(DURATION + "_sum", "db_system_name", "redis", "db_operation_name", "GET");
    assertTrue(getSeconds > 0 && getSeconds < 1, "GET time " + getSeconds);
    // one borrow, returned
    assertEquals(1, scrape.value("db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name", poolName()));
    assertEquals(0, scrape.value("db_client_connection_count", "db_client_connection_pool_name", poolName(), "db_client_connection_state", "used"));
    assertEquals(1, scrape.value("db_client_connection_count", "db_client_connection_pool_name", poolName(), "db_client_connection_state", "idle"));
    assertEquals(2, scrape.value("db_client_connection_max", "db_client_connection_pool_name", poolName()));

    JsonNode summary = json("/metrics.json").get("redis");
    JsonNode get = null;
    for (JsonNode row : summary.get("byCommand")) {
      if (row.get("command").asText().equals("GET")) {
        get = row;
      }
    }
    assertEquals(4, get.get("count").asLong(), summary.toString());
    assertEquals("jedis@127.0.0.1:" + redis.port, summary.get("pools").get(0).get("name").asText());
    // JDBC's part does not count Redis commands
    assertEquals(0, json("/metrics.json").get("database").get("operations").asLong());
  }

  @Test
  @Order(2)
  void countsEachPipelinedCommandOnce() throws Exception {
    assertAdds("pipeline?n=5", "pipelined 5", "SET", 5, "GET", 5);
  }

  @Test
  @Order(3)
  void countsATransactionCommandByCommand() throws Exception {
    assertAdds("multi", "exec 2", "MULTI", 1, "SET", 1, "GET", 1, "EXEC", 1);
  }

  @Test
  @Order(4)
  void countsAnErrorReplyWithItsPrefixAndStillThrowsIt() throws Exception {
    Scrape before = app.scrape();
    assertEquals("error redis.clients.jedis.exceptions.JedisDataException WRONGTYPE", run("wrongtype"));
    Scrape after = app.scrape();
    assertEquals(1, count(after, "GET", "WRONGTYPE") - count(before, "GET", "WRONGTYPE"));
    assertEquals(count(before, "GET", null), count(after, "GET", null), "the failed GET is not counted as a success");
    JsonNode summary = json("/metrics.json").get("redis");
    assertEquals(1, summary.get("errorsByType").get("WRONGTYPE").asLong(), summary.toString());
  }

  @Test
  @Order(5)
  void showsAnExhaustedPoolWithWaitersAndATimeout() throws Exception {
    assertEquals("holding 2", run("hold?n=2&ms=3000"));
    CompletableFuture<HttpResponse<String>> waiter =
        ChildJvm.HTTP.sendAsync(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.appPort + "/borrow")).build(),
            HttpResponse.BodyHandlers.ofString());
    double pending = 0;
    Scrape scrape = null;
    for (int i = 0; i < 40 && pending < 1; i++) {
      scrape = app.scrape();
      pending = scrape.value("db_client_connection_pending_requests", "db_client_connection_pool_name", poolName());
      Thread.sleep(15);
    }
    assertEquals(1, pending, "a waiting borrower");
    assertEquals(2, scrape.value("db_client_connection_count", "db_client_connection_pool_name", poolName(), "db_client_connection_state", "used"));
    String answer = waiter.get().body();
    assertTrue(answer.startsWith("error "), answer);
    assertEquals(1, app.scrape().value("db_client_connection_timeouts_total", "db_client_connection_pool_name", poolName()));
  }

  @Override
  void afterRestart() throws Exception {
    assertEquals("PONG", run("plain"));
    // The pool's idle connections broke with the server: each fails once and is destroyed
    // (the app does not test on borrow), as it would without the agent.
    String answer = "";
    for (int i = 0; i < 3 && !answer.equals("mixed true PONG"); i++) {
      answer = run("mix");
    }
    assertAdds("mix", "mixed true PONG", "SET", 3, "GET", 4);
  }
}
