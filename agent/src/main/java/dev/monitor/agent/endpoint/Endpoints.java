package dev.monitor.agent.endpoint;

import dev.monitor.agent.alerts.AlertEngine;
import dev.monitor.agent.health.CheckResult;
import dev.monitor.agent.health.HealthCheck.Kind;
import dev.monitor.agent.health.HealthChecks;
import dev.monitor.agent.health.HealthStatus;
import dev.monitor.agent.instrument.InstrumentationStatus;
import dev.monitor.agent.library.Libraries;
import dev.monitor.agent.metrics.History;
import dev.monitor.agent.metrics.MetricRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The paths of the embedded port and what each answers; independent of the HTTP server so it
 * can be tested directly. GET and HEAD are served, OPTIONS says so; another method on a known
 * path is 405, an unknown path 404. Thread-safe (holds only thread-safe collaborators).
 */
public final class Endpoints {

  private final ServiceInfo service;
  private final MetricRegistry registry;
  private final HealthChecks health;
  private final MetricsSummary summary;
  private final Libraries libraries;
  private final History history;
  private final AlertEngine alerts;
  private final Dashboard dashboard = new Dashboard();

  public Endpoints(
      ServiceInfo service,
      MetricRegistry registry,
      HealthChecks health,
      Libraries libraries,
      List<InstrumentationStatus> instrumentations,
      AlertEngine alerts,
      History history) {
    this.alerts = alerts;
    this.history = history;
    this.service = service;
    this.registry = registry;
    this.health = health;
    this.libraries = libraries;
    this.summary = new MetricsSummary(service, libraries, instrumentations);
  }

  static final String ALLOW = "GET, HEAD, OPTIONS";
  private static final String GROUP_PREFIX = "/health/";

  /** The answer for a GET (HEAD is answered as GET, and the server drops the body). */
  Response handle(Request request) {
    String path = request.path;
    String method = request.method;
    Route route = Route.of(path);
    String group = null;
    if (route == null && path.startsWith(GROUP_PREFIX) && libraries.hasHealthGroup(path.substring(GROUP_PREFIX.length()))) {
      route = Route.GROUP;
      group = path.substring(GROUP_PREFIX.length());
    }
    boolean page = Dashboard.serves(path);
    if (method.equals("OPTIONS") && (route != null || page || path.equals("*"))) {
      // HAProxy's default check is OPTIONS / : a 200 with what is allowed.
      return new Response(200, null, "").with("Allow", ALLOW);
    }
    if (route == null && !page) {
      return Response.error(404, "unknown path " + path + "; try /health, /health/detailed, /metrics, /metrics.json or the dashboard at /");
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Response.error(405, method + " is not allowed on " + path + "; use GET or HEAD").with("Allow", ALLOW);
    }
    if (page) {
      return dashboard.answer(path);
    }
    switch (route) {
      case HEALTH:
        {
          HealthStatus status = health.overall(health.run());
          return Response.json(status.httpStatus(), service.header(status.name()));
        }
      case LIVE:
        return probe(health.run(Kind.LIVENESS));
      case READY:
        return probe(health.run(Kind.DEPENDENCY));
      case DETAILED:
        {
          List<CheckResult> results = health.run();
          HealthStatus status = health.overall(results);
          Map<String, Object> body = service.header(status.name());
          body.put("checks", checks(results));
          return Response.json(status.httpStatus(), body);
        }
      case GROUP:
        return group(group);
      case ALERTS:
        if (alerts == null) {
          Map<String, Object> off = new LinkedHashMap<>();
          off.put("status", HealthStatus.UP.name());
          off.put("message", "alert rules are off (monitor.alerts.enabled=false)");
          return Response.json(200, off);
        }
        return Response.json(200, alerts.describe());
      case METRICS:
        return metrics(request);
      case METRICS_JSON:
        return Response.json(200, summary.build());
      case HISTORY:
        return history(request);
      default:
        throw new IllegalStateException(route.name());
    }
  }

  /** {@code /metrics}: the format the scraper asks for, {@code name[]} filters, gzip when accepted. */
  private Response metrics(Request request) {
    MetricsExposition.Format format =
        MetricsExposition.negotiate(request.header("accept"), request.parameter("format"));
    List<String> names = request.parameters("name[]");
    byte[] body =
        MetricsExposition.write(
            registry.collect(), service.resource, format, names.isEmpty() ? null : new HashSet<>(names));
    Response response = new Response(200, format.contentType(), "").with("Vary", "Accept, Accept-Encoding");
    if (request.acceptsGzip()) {
      return response.withBody(format.contentType(), gzip(body)).with("Content-Encoding", "gzip");
    }
    return response.withBody(format.contentType(), body);
  }

  /**
   * {@code /metrics/history}: every series, or those {@code series} names (comma-separated, or
   * the parameter repeated); {@code ?names} lists the names only.
   */
  private Response history(Request request) {
    if (request.parameter("names") != null) {
      Map<String, Object> names = new LinkedHashMap<>();
      names.put("series", history.names());
      return Response.json(200, names);
    }
    java.util.Set<String> wanted = null;
    for (String value : request.parameters("series")) {
      if (wanted == null) {
        wanted = new HashSet<>();
      }
      for (String name : value.split(",")) {
        if (!name.trim().isEmpty()) {
          wanted.add(name.trim());
        }
      }
    }
    return Response.json(200, history.read(wanted));
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Response probe(List<CheckResult> results) {
    HealthStatus status = health.overall(results);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.name());
    body.put("checks", checks(results));
    return Response.json(status.httpStatus(), body);
  }

  private Response group(String group) {
    List<CheckResult> results = health.runGroup(group);
    Map<String, Object> body = new LinkedHashMap<>();
    HealthStatus status = health.overall(results);
    body.put("status", status.name());
    if (results.isEmpty()) {
      body.put("message", "this service has not used a " + group + " yet");
    }
    body.put("checks", checks(results));
    return Response.json(status.httpStatus(), body);
  }

  private static Map<String, Object> checks(List<CheckResult> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CheckResult result : results) {
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("status", result.status.name());
      check.put("responseTimeMs", Math.round(result.responseTimeMs * 1000) / 1000.0);
      check.put("details", result.details);
      out.put(result.name, check);
    }
    return out;
  }

  private enum Route {
    HEALTH("/health"),
    LIVE("/health/live"),
    READY("/health/ready"),
    DETAILED("/health/detailed"),
    /** {@code /health/<group>} for a group some library's checks belong to (database, redis). */
    GROUP(null),
    ALERTS("/health/alerts"),
    METRICS("/metrics"),
    METRICS_JSON("/metrics.json"),
    HISTORY("/metrics/history");

    final String path;

    Route(String path) {
      this.path = path;
    }

    static Route of(String path) {
      for (Route route : values()) {
        if (path.equals(route.path)) {
          return route;
        }
      }
      return null;
    }
  }
}
