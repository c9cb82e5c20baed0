package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitor.it.apps.LettuceApp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisScenario} for Lettuce: one shared connection whose commands time out after 300 ms,
 * driven through the sync, async and reactive APIs.
 */
abstract class LettuceScenario extends RedisScenario {

  static final String CANCELLED = "java.util.concurrent.CancellationException";

  @Override
  String mainClass() {
    return LettuceApp.class.getName();
  }

  @Override
  ChildJvm.Builder customize(ChildJvm.Builder builder) {
    return builder.property("redis.timeoutMs", "300");
  }

  @Override
  String commandWhileDown() {
    return "get";
  }

  /** The error type a command that timed out on the sync API is counted with. */
  abstract String timeoutErrorType();

  @Test
  @Order(1)
  void countsAKnownCommandMixThroughTheSyncApi() throws Exception {
    assertAdds("mix?api=sync", "mixed true PONG", "SET", 3, "GET", 4, "HSET", 1, "HGETALL", 2, "EVAL", 1, "PING", 1);
    double getSeconds = app.scrape().value(DURATION + "_sum", "db_system_name", "redis", "db_operation_name", "GET");
    assertTrue(getSeconds > 0 && getSeconds < 1, "GET time " + getSeconds);
    JsonNode servers = json("/metrics.json").get("redis").get("servers");
    assertEquals("127.0.0.1:" + redis.port, servers.get(0).get("address").asText(), servers.toString());
    assertEquals("lettuce", servers.get(0).get("clients").get(0).asText());
  }

  @Test
  @Order(2)
  void countsTheSameMixThroughTheAsyncApi() throws Exception {
    assertAdds("mix?api=async", "mixed true PONG", "SET", 3, "GET", 4, "HSET", 1, "HGETALL", 2, "EVAL", 1, "PING", 1);
  }

  @Test
  @Order(3)
  void countsTheSameMixThroughTheReactiveApi() throws Exception {
    assertAdds("mix?api=reactive", "mixed true PONG", "SET", 3, "GET", 4, "HSET", 1, "HGETALL", 2, "EVAL", 1, "PING", 1);
  }

  @Test
  @Order(4)
  void countsAnErrorReplyWithItsPrefixOnEveryApiAndStillThrowsIt() throws Exception {
    Scrape before = app.scrape();
    for (String api : new String[] {"sync", "async", "reactive"}) {
      assertEquals("error io.lettuce.core.RedisCommandExecutionException WRONGTYPE", run("wrongtype?api=" + api), api);
    }
    Scrape after = app.scrape();
    assertEquals(3, count(after, "GET", "WRONGTYPE") - count(before, "GET", "WRONGTYPE"));
    assertEquals(count(before, "GET", null), count(after, "GET", null), "failed GETs are not successes");
  }

  @Test
  @Order(5)
  void countsATimeoutAndACancellationAsErrors() throws Exception {
    Scrape before = app.scrape();
    String answer = run("timeout");
    assertEquals("error io.lettuce.core.RedisCommandTimeoutException Command", answer);
    assertEquals("cancelled true", run("cancel"));
    Scrape after = app.scrape();
    assertEquals(1, count(after, "BLPOP", timeoutErrorType()) - count(before, "BLPOP", timeoutErrorType()), blpopLines(after));
    assertEquals(1, count(after, "BLPOP", CANCELLED) - count(before, "BLPOP", CANCELLED));
    assertEquals(0, count(after, "BLPOP", null), "no BLPOP succeeded");
  }

  private static String blpopLines(Scrape scrape) {
    StringBuilder out = new StringBuilder();
    for (String line : scrape.text.split("\n")) {
      if (line.contains("BLPOP") && line.contains("_count")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  void afterRestart() throws Exception {
    // Lettuce reconnects on its own
    String answer = "";
    for (int i = 0; i < 40 && !answer.startsWith("got "); i++) {
      answer = run("get");
      Thread.sleep(100);
    }
    assertEquals("got null", answer, "the restarted server keeps no data");
  }
}
