package dev.monitor.agent.endpoint;

import dev.monitor.agent.http.HttpServerMetrics;
import dev.monitor.agent.instrument.InstrumentationStatus;
import dev.monitor.agent.jdbc.JdbcMetrics;
import dev.monitor.agent.redis.RedisMetrics;
import dev.monitor.agent.sockets.SocketMetrics;
import dev.monitor.agent.jvm.ProcessCpu;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /metrics.json}: what a person asks first. Requests, errors (5xx and exceptions), client
 * errors (4xx), rate-limit rejections (429) and their rates; latency since start (average,
 * p50/p95/p99, max) overall and per endpoint; the last minute's request rate and p95; and JVM
 * figures. Built from the same series as {@code /metrics}.
 */
final class MetricsSummary {

  private static final double WINDOW_SECONDS = 60;

  private final ServiceInfo service;
  private final MetricRegistry registry;
  private final HttpServerMetrics http;
  private final JdbcMetrics jdbc;
  private final RedisMetrics redis;
  private final SocketMetrics sockets;
  private final ProcessCpu cpu;
  private final List<InstrumentationStatus> instrumentations;

  MetricsSummary(
      ServiceInfo service,
      MetricRegistry registry,
      HttpServerMetrics http,
      JdbcMetrics jdbc,
      RedisMetrics redis,
      SocketMetrics sockets,
      ProcessCpu cpu,
      List<InstrumentationStatus> instrumentations) {
    this.service = service;
    this.registry = registry;
    this.http = http;
    this.jdbc = jdbc;
    this.redis = redis;
    this.sockets = sockets;
    this.cpu = cpu;
    this.instrumentations = instrumentations;
  }

  Map<String, Object> build() {
    Map<String, Object> out = service.header(null);
    out.put("http", http());
    if (jdbc != null) {
      out.put("database", new DatabaseSummary(registry, jdbc).build());
    }
    if (redis != null) {
      out.put("redis", new RedisSummary(registry, redis).build());
    }
    if (sockets != null) {
      out.put("sockets", new SocketSummary(registry, sockets).build());
    }
    out.put("jvm", jvm());
    out.put("agent", agent());
    return out;
  }

  private Map<String, Object> http() {
    List<LatencySummary> series = registry.summarize(http.duration(), seriesKeys());
    List<LatencySummary> endpoints =
        registry.summarize(http.duration(), HttpServerMetrics.METHOD, HttpServerMetrics.ROUTE);
    List<LatencySummary> overall = registry.summarize(http.duration());
    double windowSeconds =
        Math.min(WINDOW_SECONDS, Math.max(1, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));

    Map<String, Object> out = new LinkedHashMap<>();
    Counts total = new Counts();
    for (LatencySummary s : series) {
      total.add(s);
    }
    total.putInto(out, windowSeconds);
    out.put("latencyMs", latency(overall.isEmpty() ? null : overall.get(0)));

    List<Map<String, Object>> byEndpoint = new ArrayList<>();
    for (LatencySummary endpoint : endpoints) {
      Map<String, Object> e = new LinkedHashMap<>();
      String method = endpoint.attribute(HttpServerMetrics.METHOD);
      String route = endpoint.attribute(HttpServerMetrics.ROUTE);
      e.put("method", method);
      e.put("route", route);
      Counts counts = new Counts();
      Map<String, Object> statuses = new LinkedHashMap<>();
      for (LatencySummary s : series) {
        if (same(method, s.attribute(HttpServerMetrics.METHOD))
            && same(route, s.attribute(HttpServerMetrics.ROUTE))) {
          counts.add(s);
          String status = s.attribute(HttpServerMetrics.STATUS);
          statuses.merge(status, s.count, (a, b) -> (Long) a + (Long) b);
        }
      }
      counts.putInto(e, windowSeconds);
      e.put("statuses", statuses);
      e.put("latencyMs", latency(endpoint));
      byEndpoint.add(e);
    }
    byEndpoint.sort((a, b) -> Long.compare((Long) b.get("requests"), (Long) a.get("requests")));
    out.put("endpoints", byEndpoint);
    return out;
  }

  private static String[] seriesKeys() {
    return new String[] {
      HttpServerMetrics.METHOD,
      HttpServerMetrics.ROUTE,
      HttpServerMetrics.STATUS,
      HttpServerMetrics.ERROR_TYPE
    };
  }

  /** Request counts by outcome over a set of series. */
  private static final class Counts {
    long requests;
    long errors;
    long clientErrors;
    long rateLimited;
    long recentRequests;
    long recentErrors;
    double recentP95Seconds;

    void add(LatencySummary s) {
      int status = HttpServerMetrics.statusOf(s);
      boolean error = HttpServerMetrics.isServerError(s);
      requests += s.count;
      recentRequests += s.recentCount;
      if (error) {
        errors += s.count;
        recentErrors += s.recentCount;
      } else if (status >= 400) {
        clientErrors += s.count;
      }
      if (status == 429) {
        rateLimited += s.count;
      }
    }

    void putInto(Map<String, Object> out, double windowSeconds) {
      out.put("requests", requests);
      out.put("errors", errors);
      out.put("errorRate", ratio(errors, requests));
      out.put("clientErrors", clientErrors);
      out.put("rateLimited", rateLimited);
      out.put("rateLimitedRate", ratio(rateLimited, requests));
      Map<String, Object> recent = new LinkedHashMap<>();
      recent.put("requests", recentRequests);
      recent.put("requestsPerSecond", round(recentRequests / windowSeconds, 3));
      recent.put("errorRate", ratio(recentErrors, recentRequests));
      out.put("lastMinute", recent);
    }
  }

  static Map<String, Object> latency(LatencySummary s) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (s == null || s.count == 0) {
      return out;
    }
    out.put("avg", ms(s.sumSeconds / s.count));
    out.put("p50", ms(s.p50));
    out.put("p95", ms(s.p95));
    out.put("p99", ms(s.p99));
    out.put("max", ms(s.max));
    out.put("lastMinuteP95", s.recentCount == 0 ? null : ms(s.recentP95));
    return out;
  }

  private Map<String, Object> jvm() {
    Map<String, Object> out = new LinkedHashMap<>();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    out.put("heapUsedBytes", heap.getUsed());
    out.put("heapMaxBytes", max);
    out.put("heapUsedRatio", ratio(heap.getUsed(), max));
    out.put("nonHeapUsedBytes", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    out.put("threads", threads.getThreadCount());
    out.put("daemonThreads", threads.getDaemonThreadCount());
    out.put("classesLoaded", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    out.put("cpuRecentUtilization", round(cpu.processCpuLoad(), 4));
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    out.put("gcCount", gcCount);
    out.put("gcTimeMs", gcMillis);
    out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    return out;
  }

  private Map<String, Object> agent() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", service.agentVersion);
    List<Map<String, Object>> list = new ArrayList<>();
    for (InstrumentationStatus status : instrumentations) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("name", status.name);
      i.put("enabled", status.enabled);
      i.put("transformedClasses", status.transformedClasses());
      list.add(i);
    }
    out.put("instrumentations", list);
    out.put("adviceErrors", dev.monitor.bootstrap.AdviceErrors.count());
    return out;
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  static double ratio(long part, long whole) {
    return whole <= 0 ? 0 : round(part / (double) whole, 4);
  }

  static double ms(double seconds) {
    return round(seconds * 1000, 3);
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
