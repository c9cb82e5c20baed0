package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics/history} on the demo with a one-second step: the request and error totals it
 * keeps follow known traffic point by point, the latencies are the last minute's, the list is
 * bounded by the length, and the port's token guards it like every other path.
 */
class HistoryTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void totalsFollowTheTrafficPointByPointWithinAFixedLength() throws Exception {
    try (ChildJvm app = ChildJvm.builder("dev.monitor.demo.DemoService")
        .property("monitor.history.step", "1s")
        .property("monitor.history.length", "5s")
        .start()) {
      for (int i = 0; i < 8; i++) {
        assertEquals(200, app.app("/api/hello").statusCode());
      }
      for (int i = 0; i < 2; i++) {
        assertEquals(500, app.app("/api/fail").statusCode());
      }
      JsonNode history = awaitLast(app, "http.server.requests", 10);
      assertEquals(1.0, history.get("stepSeconds").asDouble());
      assertEquals(5, history.get("capacity").asInt());
      assertEquals(10, last(history, "http.server.requests"));
      assertEquals(2, last(history, "http.server.errors"));
      assertEquals(0, last(history, "http.server.rate_limited"));
      double p95 = last(history, "http.server.p95");
      assertTrue(p95 > 0 && p95 < 1, "a p95 in seconds: " + p95);
      assertTrue(last(history, "jvm.threads") > 5);
      // families: a series per pool and per operation on a table, as they appeared
      assertEquals(5, last(history, "db.pool.max:demo-pool"));
      assertEquals(0, last(history, "db.pool.used:demo-pool"));
      double create = last(history, "db.operation.p95:CREATE users");
      assertTrue(create > 0 && create < 1, "the demo's CREATE TABLE users at start, in seconds: " + create);

      Thread.sleep(7_000); // more than the length: the ring holds 5 points, all at 10 requests
      JsonNode full = JSON.readTree(app.monitor("/metrics/history?series=http.server.requests,http.server.errors").body());
      assertEquals(5, full.get("points").asInt());
      assertEquals(2, full.get("series").size(), "only the series asked for");
      for (JsonNode point : full.get("series").get("http.server.requests")) {
        assertEquals(10, point.asDouble());
      }
      JsonNode names = JSON.readTree(app.monitor("/metrics/history?names").body()).get("series");
      for (String name : new String[] {"jvm.heap.after_gc_ratio", "db.p95", "jvm.gc.time", "redis.commands", "redis.errors", "redis.p95"}) {
        assertTrue(names.toString().contains("\"" + name + "\""), name + " in " + names);
      }
    }
  }

  @Test
  void theTokenGuardsTheHistory() throws Exception {
    try (ChildJvm app = ChildJvm.builder("dev.monitor.demo.DemoService")
        .property("monitor.http.token", "a-long-enough-token-1234")
        .start()) {
      assertEquals(401, app.monitor("/metrics/history").statusCode());
    }
  }

  static double last(JsonNode history, String name) {
    JsonNode points = history.get("series").get(name);
    return points.get(points.size() - 1).asDouble();
  }

  /** Reads the history until {@code name}'s newest point is {@code expected} (10 s at most). */
  static JsonNode awaitLast(ChildJvm app, String name, double expected) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode history;
    do {
      Thread.sleep(200);
      history = JSON.readTree(app.monitor("/metrics/history").body());
      JsonNode points = history.get("series").get(name);
      if (points != null && points.size() > 0 && points.get(points.size() - 1).asDouble() == expected) {
        return history;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(name + " never reached " + expected + ": " + history);
  }
}
