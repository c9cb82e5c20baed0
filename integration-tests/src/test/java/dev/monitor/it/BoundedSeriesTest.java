package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A flood of distinct paths past a small series limit, with personal data in some of them, on
 * the demo: no route may carry the data, and folded requests keep their status, so that a 200
 * never counts as an error and a 5xx still matches {@code status_code=~"5.."}.
 */
@Timeout(120)
class BoundedSeriesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DURATION = ServletScenario.DURATION;
  static final String[] WORDS = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    "uniform", "victor", "whiskey", "xray", "yankee"
  };
  static ChildJvm app;

  @BeforeAll
  static void flood() throws Exception {
    app = ChildJvm.builder("dev.monitor.demo.DemoService").property("monitor.metrics.series-limit", "10").start();
    for (String path : new String[] {
        "/api/users/alice@example.com", "/api/users/bob%40example.org", "/api/users/token=eyJhbGciOiJIUzI1NiJ9",
        "/api/users/dGhpcyBpcyBhIHRva2Vu"}) {
      assertEquals(200, app.app(path).statusCode(), path);
    }
    for (String word : WORDS) {
      assertEquals(200, app.app("/api/users/" + word).statusCode());
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(500, app.app("/api/fail").statusCode());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void noRouteCarriesPersonalDataOrATokenAndTheyShareOneTemplate() throws Exception {
    Scrape s = app.scrape();
    for (String secret : new String[] {"alice", "example", "token", "eyJ", "dGhp"}) {
      assertFalse(s.text.contains(secret), secret + " leaked into /metrics");
    }
    assertEquals(4, ServletScenario.count(s, "GET", "/api/users/{id}", "200"));
  }

  @Test
  void foldedRequestsKeepTheirStatusAndErrorType() throws Exception {
    Scrape s = app.scrape();
    assertEquals(4 + WORDS.length, s.sum(DURATION + "_count", "http_response_status_code", "200"));
    assertEquals(3, s.sum(DURATION + "_count", "http_response_status_code", "500"));
    assertEquals(3, s.value(DURATION + "_count", "http_route", "other", "http_response_status_code", "500",
        "error_type", "java.lang.IllegalStateException"));
    assertEquals(0, s.sum(DURATION + "_count", "http_response_status_code", "other"));

    JsonNode http = JSON.readTree(app.monitor("/metrics.json").body()).get("http");
    assertEquals(4 + WORDS.length + 3, http.get("requests").asInt());
    assertEquals(3, http.get("errors").asInt());
    assertEquals(0, http.get("rateLimited").asInt());
  }

  @Test
  void reachingALimitWarnsOnceWithTheInstrumentsName() throws Exception {
    String out = app.output();
    assertEquals(1, ChildJvm.occurrences(out, "http.route reached its limit of 10 routes"), out);
    assertEquals(1, ChildJvm.occurrences(out, "http.server.request.duration reached its limit of 10 series"), out);
  }
}
