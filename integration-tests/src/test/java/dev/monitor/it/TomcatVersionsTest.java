package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo on every embedded Tomcat the pom copies (a version is one line; Tomcat 11 is
 * Servlet 6.1): each request counted once by route and status, the thrown exception (wrapped or
 * not) as error.type, async requests timed to their end, 429s and 404s, and a database read.
 */
class TomcatVersionsTest {

  static final String DURATION = ServletScenario.DURATION;

  static List<String> jars() throws IOException {
    return OtherVersions.jars("tomcat-embed-core-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jars")
  void theDemosRequestsCountExactly(String jar) throws Exception {
    try (ChildJvm app = ChildJvm.builder("dev.monitor.demo.DemoService").replacing("tomcat-embed-core-", jar).start()) {
      assertTrue(app.outputContains("Apache Tomcat/" + OtherVersions.version(jar)), "runs on " + jar);
      for (String id : new String[] {"1", "22", "550e8400-e29b-41d4-a716-446655440000"}) {
        assertEquals(200, app.app("/api/users/" + id).statusCode());
      }
      assertEquals(500, app.app("/api/fail").statusCode());
      assertEquals(500, app.app("/api/fail?wrapped=true").statusCode());
      assertEquals(429, app.app("/api/limited").statusCode());
      assertEquals(200, app.app("/api/async?ms=100").statusCode());
      assertEquals(201, app.app("POST", "/api/orders").statusCode());
      assertEquals(404, app.app("/no/such/page").statusCode());
      assertEquals(200, app.app("/api/db/users/7").statusCode());

      Scrape s = app.scrape();
      assertEquals(3, ServletScenario.count(s, "GET", "/api/users/{id}", "200"));
      assertEquals(2, s.value(DURATION + "_count", "http_route", "/api/fail", "http_response_status_code", "500",
          "error_type", "java.lang.IllegalStateException"));
      assertEquals(1, ServletScenario.count(s, "GET", "/api/limited", "429"));
      assertEquals(1, ServletScenario.count(s, "GET", "/api/async", "200"));
      assertTrue(s.value(DURATION + "_sum", "http_route", "/api/async") >= 0.1, "an async request is timed to its end");
      assertEquals(1, ServletScenario.count(s, "POST", "/api/orders", "201"));
      assertEquals(1, ServletScenario.count(s, "GET", "NOT_FOUND", "404"));
      assertEquals(10, s.sum(DURATION + "_count"));
      assertEquals(0, s.sum("http_server_active_requests"));
      assertTrue(s.sum("db_client_operation_duration_seconds_count", "db_system_name", "h2", "db_operation_name", "SELECT") >= 1);
    }
  }
}
