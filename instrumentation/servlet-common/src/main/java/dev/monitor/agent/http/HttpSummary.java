package dev.monitor.agent.http;

import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.agent.summary.SummaryFigures;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code http} part of {@code /metrics.json}: requests, errors (5xx and exceptions), client
 * errors (4xx), rate-limit rejections (429) and their rates; latency since start (average,
 * p50/p95/p99, max) overall and per endpoint; the last minute's request rate and error rate.
 */
final class HttpSummary {

  private static final double WINDOW_SECONDS = 60;

  private final MetricRegistry registry;
  private final HttpServerMetrics http;

  HttpSummary(MetricRegistry registry, HttpServerMetrics http) {
    this.registry = registry;
    this.http = http;
  }

  Map<String, Object> build() {
    List<LatencySummary> series =
        registry.summarize(
            http.duration(), HttpServerMetrics.METHOD, HttpServerMetrics.ROUTE, HttpServerMetrics.STATUS,
            HttpServerMetrics.ERROR_TYPE);
    List<LatencySummary> endpoints =
        registry.summarize(http.duration(), HttpServerMetrics.METHOD, HttpServerMetrics.ROUTE);
    List<LatencySummary> overall = registry.summarize(http.duration());
    double windowSeconds =
        Math.min(WINDOW_SECONDS, Math.max(1, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));

    Map<String, Object> out = new LinkedHashMap<>();
    putInto(out, RequestTally.of(series), windowSeconds);
    out.put("latencyMs", SummaryFigures.latency(overall.isEmpty() ? null : overall.get(0)));

    List<Map<String, Object>> byEndpoint = new ArrayList<>();
    for (LatencySummary endpoint : endpoints) {
      Map<String, Object> e = new LinkedHashMap<>();
      String method = endpoint.attribute(HttpServerMetrics.METHOD);
      String route = endpoint.attribute(HttpServerMetrics.ROUTE);
      e.put("method", method);
      e.put("route", route);
      RequestTally tally = new RequestTally();
      Map<String, Object> statuses = new LinkedHashMap<>();
      for (LatencySummary s : series) {
        if (same(method, s.attribute(HttpServerMetrics.METHOD))
            && same(route, s.attribute(HttpServerMetrics.ROUTE))) {
          tally.add(s);
          statuses.merge(s.attribute(HttpServerMetrics.STATUS), s.count, (a, b) -> (Long) a + (Long) b);
        }
      }
      putInto(e, tally, windowSeconds);
      e.put("statuses", statuses);
      e.put("latencyMs", SummaryFigures.latency(endpoint));
      byEndpoint.add(e);
    }
    byEndpoint.sort((a, b) -> Long.compare((Long) b.get("requests"), (Long) a.get("requests")));
    out.put("endpoints", byEndpoint);
    return out;
  }

  private static void putInto(Map<String, Object> out, RequestTally t, double windowSeconds) {
    out.put("requests", t.requests);
    out.put("errors", t.errors);
    out.put("errorRate", SummaryFigures.ratio(t.errors, t.requests));
    out.put("clientErrors", t.clientErrors);
    out.put("rateLimited", t.rateLimited);
    out.put("rateLimitedRate", SummaryFigures.ratio(t.rateLimited, t.requests));
    Map<String, Object> recent = new LinkedHashMap<>();
    recent.put("requests", t.recentRequests);
    recent.put("requestsPerSecond", SummaryFigures.round(t.recentRequests / windowSeconds, 3));
    recent.put("errorRate", SummaryFigures.ratio(t.recentErrors, t.recentRequests));
    out.put("lastMinute", recent);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
