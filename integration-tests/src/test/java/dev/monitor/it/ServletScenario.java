package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One servlet application under the agent, driven once with the same known traffic (hello, ids,
 * failures, slow and async requests) under its context path; the figures on /metrics and
 * /metrics.json are checked against it. A container is a subclass: how to start its application,
 * what its failing servlet throws, what its async servlet answers, and the traffic and checks of
 * its own. Every test only reads what the traffic left, so the order of the tests does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServletScenario {

  static final String DURATION = "http_server_request_duration_seconds";
  static final ObjectMapper JSON = new ObjectMapper();
  /** Numbers, a UUID and long hex are ids; a short number too. */
  static final String[] IDS = {"123", "98765", "550e8400-e29b-41d4-a716-446655440000", "deadbeefcafe12345678", "7"};
  /** Requests of the shared traffic: 10 hello, 5 slow, 5 users, 4 failures, 2 async. */
  static final int SHARED_REQUESTS = 26;

  ChildJvm app;
  long slowestClientMillis;

  abstract ChildJvm start() throws Exception;

  /** "" or the application's context path ({@code /shop}). */
  abstract String contextPath();

  /** What {@code /api/fail} throws. */
  abstract String failureType();

  /** The status the async servlet completes with. */
  abstract int asyncStatus();

  /** Traffic of this container's own, after the shared traffic. */
  abstract void driveOwnTraffic() throws Exception;

  /** All requests, the shared ones and the container's own. */
  abstract int expectedRequests();

  /** Server errors among them (5xx or exceptions). */
  abstract int expectedErrors();

  /** Failures on {@code /api/fail} (the shared four and any of the container's own). */
  int expectedFailures() {
    return 4;
  }

  @BeforeAll
  void driveKnownTraffic() throws Exception {
    app = start();
    String at = contextPath();
    for (int i = 0; i < 10; i++) {
      assertEquals(200, app.app(at + "/api/hello").statusCode());
    }
    for (int i = 0; i < 5; i++) {
      long begin = System.nanoTime();
      assertEquals(200, app.app(at + "/api/slow?ms=200").statusCode());
      slowestClientMillis = Math.max(slowestClientMillis, (System.nanoTime() - begin) / 1_000_000);
    }
    for (String id : IDS) {
      assertEquals(200, app.app(at + "/api/users/" + id).statusCode());
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(500, app.app(at + "/api/fail").statusCode());
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(asyncStatus(), app.app(at + "/api/async?ms=150").statusCode());
    }
    driveOwnTraffic();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void countsEveryRequestOncePerRouteAndStatus() throws Exception {
    Scrape s = app.scrape();
    String at = contextPath();
    assertEquals(10, count(s, "GET", at + "/api/hello", "200"));
    assertEquals(5, count(s, "GET", at + "/api/slow", "200"));
    assertEquals(5, count(s, "GET", at + "/api/users/{id}", "200"));
    // the async requests' status comes from the completion, not the servlet's return
    assertEquals(2, count(s, "GET", at + "/api/async", String.valueOf(asyncStatus())));
    assertEquals(
        expectedFailures(),
        s.value(DURATION + "_count", "http_route", at + "/api/fail", "http_response_status_code", "500",
            "error_type", failureType()));
    assertTrue(!s.text.contains("ServletException"), "the container's wrapper is never the error type");
    assertEquals(expectedRequests(), s.sum(DURATION + "_count"));
    assertEquals(0, s.sum("http_server_active_requests"));
  }

  @Test
  void slowAndAsyncRequestsAreTimedToTheirEnd() throws Exception {
    Scrape s = app.scrape();
    String at = contextPath();
    assertEquals(0, bucket(s, at + "/api/slow", "0.1"));
    assertEquals(5, bucket(s, at + "/api/slow", "0.25"));
    double sum = s.value(DURATION + "_sum", "http_route", at + "/api/slow");
    assertTrue(sum >= 1.0 && sum < 1.25, "five 200 ms requests sum to " + sum);
    // async requests are timed to completion on another thread, not to the servlet's return
    assertEquals(0, bucket(s, at + "/api/async", "0.1"));
    assertEquals(2, bucket(s, at + "/api/async", "0.25"));
    assertEquals(10, bucket(s, at + "/api/hello", "0.1"));
  }

  @Test
  void theJsonSummaryHasTheSameFigures() throws Exception {
    JsonNode http = JSON.readTree(app.monitor("/metrics.json").body()).get("http");
    assertEquals(expectedRequests(), http.get("requests").asLong());
    assertEquals(expectedErrors(), http.get("errors").asLong());
    assertEquals((double) expectedErrors() / expectedRequests(), http.get("errorRate").asDouble(), 0.0001);
    JsonNode slow = endpoint(http, "GET", contextPath() + "/api/slow");
    double p95 = slow.get("latencyMs").get("p95").asDouble();
    // HdrHistogram keeps 2 significant digits: within 1% above the true server-side value,
    // which is at least the 200 ms sleep and at most what the client measured
    assertTrue(p95 >= 200 && p95 <= slowestClientMillis * 1.01 + 1, "p95 " + p95 + " vs client max " + slowestClientMillis);
    assertEquals(5, slow.get("requests").asLong());
    JsonNode fail = endpoint(http, "GET", contextPath() + "/api/fail");
    assertEquals(1.0, fail.get("errorRate").asDouble());
    assertEquals(expectedFailures(), fail.get("statuses").get("500").asLong());
  }

  static double count(Scrape s, String method, String route, String status) {
    return s.value(DURATION + "_count", "http_request_method", method, "http_route", route,
        "http_response_status_code", status);
  }

  static double bucket(Scrape s, String route, String le) {
    return s.value(DURATION + "_bucket", "http_route", route, "le", le);
  }

  static JsonNode endpoint(JsonNode http, String method, String route) {
    for (JsonNode e : http.get("endpoints")) {
      if (e.get("method").asText().equals(method) && e.get("route").asText().equals(route)) {
        return e;
      }
    }
    throw new AssertionError("no endpoint " + method + " " + route + " in " + http);
  }

  static JsonNode instrumentation(JsonNode agent, String name) {
    for (JsonNode i : agent.get("instrumentations")) {
      if (i.get("name").asText().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no instrumentation " + name);
  }
}
