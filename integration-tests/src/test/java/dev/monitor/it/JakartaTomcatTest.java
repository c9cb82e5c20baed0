package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo service (embedded Tomcat 10.1, jakarta.servlet) in a child JVM under the agent, driven
 * with known traffic; every figure on /metrics and /metrics.json is checked against it.
 */
class JakartaTomcatTest {

  static final String DURATION = "http_server_request_duration_seconds";
  static final ObjectMapper JSON = new ObjectMapper();
  static ChildJvm app;
  static long slowestClientMillis;

  @BeforeAll
  static void driveKnownTraffic() throws Exception {
    app = ChildJvm.builder("dev.monitor.demo.DemoService").start();
    for (int i = 0; i < 10; i++) {
      assertEquals(200, app.app("/api/hello").statusCode());
    }
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      assertEquals(200, app.app("/api/slow?ms=200").statusCode());
      slowestClientMillis = Math.max(slowestClientMillis, (System.nanoTime() - start) / 1_000_000);
    }
    for (String id : new String[] {"123", "98765", "550e8400-e29b-41d4-a716-446655440000", "deadbeefcafe12345678", "7"}) {
      assertEquals(200, app.app("/api/users/" + id).statusCode());
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(500, app.app("/api/fail").statusCode());
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(500, app.app("/api/fail?wrapped=true").statusCode());
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(429, app.app("/api/limited").statusCode());
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(200, app.app("/api/async?ms=150").statusCode());
    }
    assertEquals(200, app.app("/api/forward").statusCode());
    for (int i = 0; i < 2; i++) {
      assertEquals(201, app.app("POST", "/api/orders").statusCode());
    }
    assertEquals(404, app.app("/no/such/page/42").statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void countsEveryRequestOncePerRouteAndStatus() throws Exception {
    Scrape s = app.scrape();
    assertEquals(10, count(s, "GET", "/api/hello", "200"));
    assertEquals(5, count(s, "GET", "/api/slow", "200"));
    // numbers, a UUID and long hex are ids; the filter, servlet and forward count once
    assertEquals(5, count(s, "GET", "/api/users/{id}", "200"));
    assertEquals(1, count(s, "GET", "/api/forward", "200"));
    assertEquals(2, count(s, "POST", "/api/orders", "201"));
    assertEquals(3, count(s, "GET", "/api/limited", "429"));
    assertEquals(1, count(s, "GET", "NOT_FOUND", "404"));
    // the two thrown inside a ServletException count as what the servlet threw
    assertEquals(
        6,
        s.value(DURATION + "_count", "http_route", "/api/fail", "http_response_status_code", "500",
            "error_type", "java.lang.IllegalStateException"));
    assertTrue(!s.text.contains("ServletException"), "the container's wrapper is not the error type");
    assertEquals(35, s.sum(DURATION + "_count"));
    assertEquals(0, s.sum("http_server_active_requests"));
  }

  @Test
  void slowRequestsLandInTheQuarterSecondBucket() throws Exception {
    Scrape s = app.scrape();
    assertEquals(0, bucket(s, "/api/slow", "0.1"));
    assertEquals(5, bucket(s, "/api/slow", "0.25"));
    double sum = s.value(DURATION + "_sum", "http_route", "/api/slow");
    assertTrue(sum >= 1.0 && sum < 1.25, "five 200 ms requests sum to " + sum);
    // async requests are timed to completion on another thread, not to the servlet's return
    assertEquals(0, bucket(s, "/api/async", "0.1"));
    assertEquals(2, bucket(s, "/api/async", "0.25"));
    assertEquals(10, bucket(s, "/api/hello", "0.1"));
  }

  @Test
  void jsonSummaryShowsRatesAndPercentiles() throws Exception {
    HttpResponse<String> response = app.monitor("/metrics.json");
    assertEquals(200, response.statusCode());
    JsonNode http = JSON.readTree(response.body()).get("http");
    assertEquals(35, http.get("requests").asLong());
    assertEquals(6, http.get("errors").asLong());
    assertEquals(3, http.get("rateLimited").asLong());
    assertEquals(6 / 35.0, http.get("errorRate").asDouble(), 0.0001);
    JsonNode slow = endpoint(http, "GET", "/api/slow");
    double p95 = slow.get("latencyMs").get("p95").asDouble();
    // HdrHistogram keeps 2 significant digits: within 1% above the true server-side value,
    // which is at least the 200 ms sleep and at most what the client measured
    assertTrue(p95 >= 200 && p95 <= slowestClientMillis * 1.01 + 1, "p95 " + p95 + " vs client max " + slowestClientMillis);
    assertEquals(5, slow.get("requests").asLong());
    JsonNode fail = endpoint(http, "GET", "/api/fail");
    assertEquals(1.0, fail.get("errorRate").asDouble());
    assertEquals(6, fail.get("statuses").get("500").asLong());
    JsonNode agent = JSON.readTree(response.body()).get("agent");
    // HttpServlet.service(ServletRequest, ServletResponse) and the demo's filter
    assertEquals(2, instrumentation(agent, "jakarta-servlet-5.0").get("transformedClasses").asInt());
    assertEquals(0, instrumentation(agent, "servlet-3.0").get("transformedClasses").asInt());
    assertEquals(0, agent.get("adviceErrors").asLong());
  }

  @Test
  void healthEndpointsAnswerWithStatusCodes() throws Exception {
    assertEquals(200, app.monitor("/health").statusCode());
    JsonNode health = JSON.readTree(app.monitor("/health").body());
    assertEquals("UP", health.get("status").asText());
    assertEquals("DemoService", health.get("service").asText());
    assertEquals(200, app.monitor("/health/live").statusCode());
    assertEquals(200, app.monitor("/health/ready").statusCode());
    JsonNode detailed = JSON.readTree(app.monitor("/health/detailed").body());
    for (String check : new String[] {"memory", "cpu", "disk", "threads"}) {
      JsonNode c = detailed.get("checks").get(check);
      assertTrue(c != null && c.get("status").asText().matches("UP|DEGRADED"), check + ": " + c);
      assertTrue(c.get("responseTimeMs").asDouble() >= 0);
    }
    assertEquals(0, detailed.get("checks").get("threads").get("details").get("deadlocked").size());
    assertTrue(detailed.get("uptimeSeconds").asDouble() > 0);
  }

  @Test
  void unknownPathIs404AndOtherMethods405() throws Exception {
    assertEquals(404, app.monitor("/nope").statusCode());
    assertEquals(404, app.monitor("/health/").statusCode());
    assertEquals(405, app.monitor("POST", "/metrics").statusCode());
    assertEquals(405, app.monitor("DELETE", "/health").statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8",
        app.monitor("/metrics").headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void malformedRequestsGet400AndTheServerServesOn() throws Exception {
    for (String garbage : new String[] {"GARBAGE\r\n\r\n", "GET /health HTTP/1.1\r\nContent-Length: x\r\n\r\n"}) {
      try (java.net.Socket socket = new java.net.Socket("localhost", app.monitorPort)) {
        socket.setSoTimeout(5000);
        socket.getOutputStream().write(garbage.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String status = new java.io.BufferedReader(
            new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        assertEquals("HTTP/1.1 400 Bad Request", status);
      }
    }
    assertEquals(200, app.monitor("/health").statusCode());
  }

  @Test
  void jvmMetricsAreExported() throws Exception {
    Scrape s = app.scrape();
    assertTrue(s.sum("jvm_memory_used_bytes", "jvm_memory_type", "heap") > 0);
    assertTrue(s.sum("jvm_thread_count") > 5);
    assertTrue(s.value("jvm_class_count") > 1000);
    assertEquals("gauge", s.types.get("jvm_cpu_recent_utilization_ratio"));
    assertEquals("counter", s.types.get("jvm_cpu_time_seconds_total"));
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
