package dev.monitor.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HttpServerMetricsTest {

  private final MetricRegistry registry = new MetricRegistry();
  private final HttpServerMetrics http = new HttpServerMetrics(registry, 100);

  /** "method route status error.type" to count. */
  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    for (MetricFamily family : registry.collect()) {
      if (family.name.equals("http.server.request.duration")) {
        for (MetricPoint p : family.points) {
          counts.put(String.join(" ", p.values[0], p.values[1], p.values[2], String.valueOf(p.values[3])), p.histogram.count);
        }
      }
    }
    return counts;
  }

  private void request(String uri, Object template, int status, Throwable thrown) {
    http.requestStarted("GET");
    http.record(0, 1_000_000, "GET", "", uri, template, status, thrown);
  }

  @Test
  void aCatchAllTemplatesNotFoundIsNotFoundAndARoutesOwn404StaysItsRoute() {
    request("/favicon-missing.png", "/**", 404, null);
    request("/wp-admin/setup.php", "/**", 404, null);
    request("/css/site.css", "/**", 200, null);
    request("/api/users/7", "/api/users/{id}", 404, null);
    assertEquals(
        "{GET /** 200 null=1, GET /api/users/{id} 404 null=1, GET NOT_FOUND 404 null=2}",
        counts().toString());
  }

  @Test
  void aServletExceptionCountsAsWhatItWraps() {
    request("/oups", "/oups", 500, new javax.servlet.ServletException("Request processing failed", new RuntimeException("boom")));
    request("/plain", "/plain", 500, new javax.servlet.ServletException("no cause"));
    assertEquals(
        "{GET /oups 500 java.lang.RuntimeException=1, GET /plain 500 javax.servlet.ServletException=1}",
        counts().toString());
  }
}
