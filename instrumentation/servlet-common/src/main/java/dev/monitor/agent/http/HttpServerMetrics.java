package dev.monitor.agent.http;

import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.HttpServerRecorder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records servlet requests as {@code http.server.request.duration} (method, route, status,
 * {@code error.type}) and {@code http.server.active_requests} (method). Runs on request threads:
 * no lock, no allocation for known series, and never throws into the application.
 */
public final class HttpServerMetrics implements HttpServerRecorder {

  public static final String METHOD = "http.request.method";
  public static final String ROUTE = "http.route";
  public static final String STATUS = "http.response.status_code";
  public static final String ERROR_TYPE = "error.type";

  /** The route of a 404 for which no framework named a template: scanners must not mint series. */
  static final String NOT_FOUND = "NOT_FOUND";

  private final LatencyHistogram duration;
  private final Counter active;
  private final RouteTable routes;
  /**
   * The active-requests series of each canonical method ({@link HttpMethods#NAMES}), taken from
   * the table at its first use: a request starts and ends without a table look-up. Series are
   * never removed, so a kept one stays the table's.
   */
  private final LongAdder[] activeByMethod = new LongAdder[HttpMethods.NAMES.length];

  public HttpServerMetrics(MetricRegistry registry, int seriesLimit) {
    this.duration =
        registry.register(
            new LatencyHistogram(
                "http.server.request.duration",
                "Duration of HTTP server requests.",
                new String[] {METHOD, ROUTE, STATUS, ERROR_TYPE},
                seriesLimit));
    this.active =
        registry.register(
            new Counter(
                "http.server.active_requests",
                "Number of active HTTP server requests.",
                "{request}",
                true,
                new String[] {METHOD},
                seriesLimit));
    this.routes = new RouteTable(seriesLimit);
  }

  /** The status code of a summarized series; 0 for the overflow series, whose status is "other". */
  public static int statusOf(LatencySummary s) {
    String status = s.attribute(STATUS);
    try {
      return status == null ? 0 : Integer.parseInt(status);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A server error: a 5xx answer, or a request that ended in an exception (it has an error type). */
  public static boolean isServerError(LatencySummary s) {
    return statusOf(s) >= 500 || s.attribute(ERROR_TYPE) != null;
  }

  public LatencyHistogram duration() {
    return duration;
  }

  @Override
  public void requestStarted(String method) {
    try {
      activeOf(HttpMethods.index(method)).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("http-start", "cannot count an active request", e);
    }
  }

  @Override
  public void requestEnded(
      long startNanos,
      long endNanos,
      String method,
      String contextPath,
      String requestUri,
      Object route,
      int status,
      Throwable thrown,
      Object asyncContext,
      Object response) {
    try {
      if (asyncContext != null
          && AsyncCompletion.watch(
              this, asyncContext, response, startNanos, method, contextPath, requestUri, route)) {
        return;
      }
      record(startNanos, endNanos, method, contextPath, requestUri, route, status, thrown);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("http-end", "cannot record an HTTP request", e);
    }
  }

  /** Records one finished request; called at the end of a synchronous or asynchronous request. */
  void record(
      long startNanos,
      long endNanos,
      String method,
      String contextPath,
      String requestUri,
      Object route,
      int status,
      Throwable thrown) {
    int methodIndex = HttpMethods.index(method);
    String canonicalMethod = HttpMethods.NAMES[methodIndex];
    activeOf(methodIndex).decrement();
    int effectiveStatus = thrown != null ? 500 : status;
    String statusText = StatusCodes.text(effectiveStatus);
    String errorType =
        thrown != null ? handlerException(thrown).getClass().getName() : effectiveStatus >= 500 ? statusText : null;
    duration
        .series()
        .get(canonicalMethod, route(contextPath, requestUri, route, effectiveStatus), statusText, errorType)
        .record(endNanos - startNanos);
  }

  private LongAdder activeOf(int methodIndex) {
    LongAdder series = activeByMethod[methodIndex];
    if (series == null) {
      // two threads may both look it up: they get the same series from the table
      series = active.series().get(HttpMethods.NAMES[methodIndex]);
      activeByMethod[methodIndex] = series;
    }
    return series;
  }

  private String route(String contextPath, String requestUri, Object route, int status) {
    if (route instanceof String && !(status == 404 && isCatchAll((String) route))) {
      return routes.resolve(contextPath == null ? "" : contextPath, (String) route, false);
    }
    if (status == 404) {
      // no template, or only a catch-all one: Spring's static-resource handler matches /** for
      // every path nothing else took, so its 404s are the scanner's, not a route's
      return NOT_FOUND;
    }
    return routes.resolve("", requestUri == null ? "" : requestUri, true);
  }

  /** A template that matches any path below it: {@code /**}, {@code /static/**}, {@code /*}. */
  static boolean isCatchAll(String template) {
    return template.endsWith("/**") || template.equals("/*") || template.equals("**");
  }

  /**
   * The exception the application threw, not the container's wrapper: Spring MVC (and other
   * frameworks) rethrow a handler's exception inside a {@code ServletException}
   * ("Request processing failed"), and {@code error.type} should name the handler's, as
   * Micrometer does. Unwraps every {@code javax}/{@code jakarta} {@code ServletException} (and
   * subclass, such as Spring's {@code NestedServletException}) that has a cause.
   */
  static Throwable handlerException(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; depth < 8 && t.getCause() != null && t.getCause() != t && isServletException(t.getClass()); depth++) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean isServletException(Class<?> type) {
    for (Class<?> c = type; c != null && c != Throwable.class; c = c.getSuperclass()) {
      String name = c.getName();
      if (name.equals("jakarta.servlet.ServletException") || name.equals("javax.servlet.ServletException")) {
        return true;
      }
    }
    return false;
  }
}
