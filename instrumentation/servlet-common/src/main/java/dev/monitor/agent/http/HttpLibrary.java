package dev.monitor.agent.http;

import dev.monitor.agent.library.AlertSignal;
import dev.monitor.agent.library.Library;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.HttpServerBridge;
import java.util.List;
import java.util.Map;

/**
 * Servlet requests (Tomcat, Jetty, Undertow, Spring MVC on any of them): the
 * {@code http.server.*} instruments, the {@code http} part of {@code /metrics.json}, and the
 * request signals of the alert rules.
 */
public final class HttpLibrary implements Library {

  /** Server errors (5xx or an exception) among requests: {@code {requests, errors}}. */
  public static final String ERROR_RATIO = "http.server.error-ratio";
  /** Rate-limit rejections among requests: {@code {requests, 429s}}. */
  public static final String RATE_LIMITED_RATIO = "http.server.rate-limited-ratio";
  /** The last minute's p95 over all requests, in seconds. */
  public static final String P95 = "http.server.p95";

  private MetricRegistry registry;
  private HttpServerMetrics http;

  @Override
  public String name() {
    return "http";
  }

  @Override
  public void install(LibraryContext context) {
    registry = context.registry();
    http = new HttpServerMetrics(registry, context.seriesLimit());
    HttpServerBridge.install(http);
  }

  @Override
  public String summaryKey() {
    return "http";
  }

  @Override
  public Map<String, Object> summary() {
    return new HttpSummary(registry, http).build();
  }

  @Override
  public void alertSignals(Map<String, AlertSignal> signals) {
    signals.put(ERROR_RATIO, AlertSignal.ratioOfTotals(() -> {
      RequestTally t = tally();
      return new long[] {t.requests, t.errors};
    }));
    signals.put(RATE_LIMITED_RATIO, AlertSignal.ratioOfTotals(() -> {
      RequestTally t = tally();
      return new long[] {t.requests, t.rateLimited};
    }));
    signals.put(P95, AlertSignal.now(() -> recent(1)));
  }

  @Override
  public void historySeries(Map<String, java.util.function.Supplier<Double>> series) {
    series.put("http.server.requests", () -> (double) tally().requests);
    series.put("http.server.errors", () -> (double) tally().errors);
    series.put("http.server.rate_limited", () -> (double) tally().rateLimited);
    series.put("http.server.p50", () -> recent(0));
    series.put("http.server.p95", () -> recent(1));
    series.put("http.server.p99", () -> recent(2));
  }

  /** The last minute's p50, p95 or p99 over all requests, in seconds; null without requests. */
  private Double recent(int which) {
    List<LatencySummary> overall = registry.summarize(http.duration());
    if (overall.isEmpty() || overall.get(0).recentCount == 0) {
      return null;
    }
    LatencySummary s = overall.get(0);
    return which == 0 ? s.recentP50 : which == 1 ? s.recentP95 : s.recentP99;
  }

  private RequestTally tally() {
    return RequestTally.of(
        registry.summarize(http.duration(), HttpServerMetrics.STATUS, HttpServerMetrics.ERROR_TYPE));
  }
}
