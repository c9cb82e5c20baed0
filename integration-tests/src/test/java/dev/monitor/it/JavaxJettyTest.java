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
      assertEquals(11, s.sum(DURATION + "_count"));
      assertEquals(0, s.sum("http_server_active_requests"));
    }
  }
}
