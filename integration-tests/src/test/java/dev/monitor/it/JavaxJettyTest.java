package dev.monitor.it;

import static dev.monitor.it.JakartaTomcatTest.DURATION;
import static dev.monitor.it.JakartaTomcatTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A javax.servlet application on Jetty 9.4 (context path /shop) under the agent. */
class JavaxJettyTest {

  @Test
  void recordsJavaxRequestsWithContextPathRoutes() throws Exception {
    try (ChildJvm app = ChildJvm.builder("dev.monitor.it.apps.JavaxJettyApp").start()) {
      for (int i = 0; i < 4; i++) {
        assertEquals(200, app.app("/shop/api/hello").statusCode());
      }
      for (int id = 1; id <= 3; id++) {
        assertEquals(200, app.app("/shop/api/users/" + (1000 + id)).statusCode());
      }
      for (int i = 0; i < 2; i++) {
        assertEquals(500, app.app("/shop/api/fail").statusCode());
      }
      assertEquals(200, app.app("/shop/api/slow").statusCode());
      // slugs are not id-like, but the framework's template names the route
      assertEquals(200, app.app("/shop/api/items/blue-shirt").statusCode());
      assertEquals(200, app.app("/shop/api/items/red-hat").statusCode());
      assertEquals(202, app.app("/shop/api/async").statusCode());

      Scrape s = app.scrape();
      assertEquals(4, count(s, "GET", "/shop/api/hello", "200"));
      assertEquals(3, count(s, "GET", "/shop/api/users/{id}", "200"));
      assertEquals(2, s.value(DURATION + "_count", "http_route", "/shop/api/fail",
          "error_type", "java.lang.UnsupportedOperationException"));
      assertEquals(0, s.value(DURATION + "_bucket", "http_route", "/shop/api/slow", "le", "0.1"));
      assertEquals(1, s.value(DURATION + "_bucket", "http_route", "/shop/api/slow", "le", "0.25"));
      // the async request's final status comes from the completion, not the servlet's return
      assertEquals(1, count(s, "GET", "/shop/api/async", "202"));
      assertEquals(0, s.value(DURATION + "_bucket", "http_route", "/shop/api/async", "le", "0.1"));
      assertEquals(2, count(s, "GET", "/shop/api/items/{sku}", "200"));
      assertEquals(13, s.sum(DURATION + "_count"));
      assertEquals(0, s.sum("http_server_active_requests"));

      // the app's own call with a broken request: the advice failed, the filter still ran,
      // and the failure was counted and logged once
      String out = app.output();
      assertEquals(1, ChildJvm.occurrences(out, "FILTER RAN"));
      assertEquals(1, ChildJvm.occurrences(out, "advice failed and was skipped"));
      com.fasterxml.jackson.databind.JsonNode agent =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(app.monitor("/metrics.json").body()).get("agent");
      assertEquals(1, agent.get("adviceErrors").asLong());
    }
  }
}
