package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The demo service (embedded Tomcat 10.1, jakarta.servlet) under the agent: the shared servlet
 * traffic, then forwards, POSTs, 429s, wrapped exceptions and a 404; and the monitor port's
 * health endpoints and answers to bad requests.
 */
class JakartaTomcatTest extends ServletScenario {

  @Override
  ChildJvm start() throws Exception {
    return ChildJvm.builder("dev.monitor.demo.DemoService").start();
  }

  @Override
  String contextPath() {
    return "";
  }

  @Override
  String failureType() {
    return "java.lang.IllegalStateException";
  }

  @Override
  int asyncStatus() {
    return 200;
  }

  @Override
  void driveOwnTraffic() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertEquals(500, app.app("/api/fail?wrapped=true").statusCode());
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(429, app.app("/api/limited").statusCode());
    }
    assertEquals(200, app.app("/api/forward").statusCode());
    for (int i = 0; i < 2; i++) {
      assertEquals(201, app.app("POST", "/api/orders").statusCode());
    }
    assertEquals(404, app.app("/no/such/page/42").statusCode());
  }

  @Override
  int expectedRequests() {
    return SHARED_REQUESTS + 9;
  }

  @Override
  int expectedErrors() {
    return 6;
  }

  /** The two thrown inside a ServletException count as what the servlet threw. */
  @Override
  int expectedFailures() {
    return 6;
  }

  @Test
  void forwardsPostsRateLimitsAndUnknownPathsCountOnce() throws Exception {
    Scrape s = app.scrape();
    // the filter, servlet and forward count once
    assertEquals(1, count(s, "GET", "/api/forward", "200"));
    assertEquals(2, count(s, "POST", "/api/orders", "201"));
    assertEquals(3, count(s, "GET", "/api/limited", "429"));
    assertEquals(1, count(s, "GET", "NOT_FOUND", "404"));
    JsonNode json = JSON.readTree(app.monitor("/metrics.json").body());
    assertEquals(3, json.get("http").get("rateLimited").asLong());
    assertEquals(3 / 35.0, json.get("http").get("rateLimitedRate").asDouble(), 0.0001);
    JsonNode agent = json.get("agent");
    // HttpServlet.service(ServletRequest, ServletResponse) and the demo's filter
    assertEquals(2, instrumentation(agent, "jakarta-servlet-5.0").get("transformedClasses").asInt());
    assertEquals(0, instrumentation(agent, "servlet-3.0").get("transformedClasses").asInt());
    assertEquals(0, agent.get("adviceErrors").asLong());
  }

  @Test
  void healthEndpointsAnswerWithStatusCodes() throws Exception {
    assertEquals(200, app.monitor("/health").statusCode());
    JsonNode health = JSON.readTree(app.monitor("/health").body());
    // DEGRADED only when a host check says so (a busy CI machine's CPU): still 200
    assertTrue(health.get("status").asText().matches("UP|DEGRADED"), health.toString());
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
    // the overall status is the worst of the checks in the same answer
    boolean anyDegraded = detailed.get("checks").toString().contains("\"status\":\"DEGRADED\"");
    assertEquals(anyDegraded ? "DEGRADED" : "UP", detailed.get("status").asText(), detailed.toString());
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
    // /metrics.json adds up the same series
    JsonNode jvm = JSON.readTree(app.monitor("/metrics.json").body()).get("jvm");
    assertEquals(s.value("jvm_cpu_count"), jvm.get("availableProcessors").asDouble());
    assertEquals(s.sum("jvm_memory_limit_bytes", "jvm_memory_type", "heap"), jvm.get("heapMaxBytes").asDouble());
    // a collection may come between the two reads
    assertTrue(jvm.get("gcCount").asDouble() >= s.sum("jvm_gc_duration_seconds_count"), jvm.toString());
  }
}
