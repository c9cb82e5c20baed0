package dev.monitor.agent.alerts;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.health.MemoryCheck;
import dev.monitor.agent.http.HttpServerMetrics;
import dev.monitor.agent.jdbc.JdbcMetrics;
import dev.monitor.agent.jvm.ProcessCpu;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.agent.sockets.SocketMetrics;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The figures the alert rules judge, read from the same metric core as {@code /metrics} and
 * {@code /metrics.json}. Ratios of counts are over the rule's window (one minute unless set),
 * percentiles over the last minute (the series' sliding window); a rule's duration then says how
 * long that must stay above its threshold. Each answers null when there is nothing to judge.
 */
final class AlertSignals {

  private final MetricRegistry registry;
  private final HttpServerMetrics http;
  private final DbClientMetrics db;
  private final JdbcMetrics jdbc;
  private final SocketMetrics sockets;
  private final ProcessCpu cpu;

  AlertSignals(
      MetricRegistry registry,
      HttpServerMetrics http,
      DbClientMetrics db,
      JdbcMetrics jdbc,
      SocketMetrics sockets,
      ProcessCpu cpu) {
    this.registry = registry;
    this.http = http;
    this.db = db;
    this.jdbc = jdbc;
    this.sockets = sockets;
    this.cpu = cpu;
  }

  /** Server errors (5xx or an exception) among the window's requests. */
  Supplier<Double> errorRatio(Duration window) {
    return new RatioWindow(() -> requestTotals(false), window.toMillis(), System::currentTimeMillis);
  }

  /** Rate-limit rejections (429) among the window's requests. */
  Supplier<Double> rateLimitedRatio(Duration window) {
    return new RatioWindow(() -> requestTotals(true), window.toMillis(), System::currentTimeMillis);
  }

  /** {@code {requests, hits}} since start. */
  private long[] requestTotals(boolean rateLimited) {
    long all = 0;
    long counted = 0;
    for (LatencySummary s :
        registry.summarize(http.duration(), HttpServerMetrics.STATUS, HttpServerMetrics.ERROR_TYPE)) {
      all += s.count;
      boolean hit = rateLimited ? HttpServerMetrics.statusOf(s) == 429 : HttpServerMetrics.isServerError(s);
      if (hit) {
        counted += s.count;
      }
    }
    return new long[] {all, counted};
  }

  /** The last minute's p95 over all requests, in seconds. */
  Double requestP95Seconds() {
    List<LatencySummary> overall = registry.summarize(http.duration());
    return overall.isEmpty() || overall.get(0).recentCount == 0 ? null : overall.get(0).recentP95;
  }

  /** The last minute's p95 over database operations (JDBC; Redis commands excluded), in seconds. */
  Double databaseP95Seconds() {
    List<LatencySummary> overall =
        registry.summarize(db.duration, values -> !"redis".equals(values[0]));
    return overall.isEmpty() || overall.get(0).recentCount == 0 ? null : overall.get(0).recentP95;
  }

  /** The busiest database pool's connections in use over its maximum. */
  Double poolUsage() {
    if (jdbc == null) {
      return null;
    }
    Double busiest = null;
    for (PoolFigures pool : jdbc.pools()) {
      if (pool.max > 0) {
        double usage = (double) pool.used / pool.max;
        busiest = busiest == null ? usage : Math.max(busiest, usage);
      }
    }
    return busiest;
  }

  /** Heap in use right after the last collection, over the heap's maximum. */
  Double memoryAfterGc() {
    return MemoryCheck.heapUsedAfterGcRatio();
  }

  /** The process's recent CPU use, 0 to 1 of the machine. */
  Double cpu() {
    double load = cpu.processCpuLoad();
    return load < 0 ? null : load;
  }

  /** Failed Socket.IO handshakes among the window's. */
  Supplier<Double> handshakeFailureRatio(Duration window) {
    return new RatioWindow(
        () -> new long[] {sockets.socketIo().handshakes.total(), sockets.socketIo().failedHandshakes()},
        window.toMillis(),
        System::currentTimeMillis);
  }

  /** Open Socket.IO connections and WebSocket sessions. */
  Double activeConnections() {
    return (double) (sockets.socketIo().active.total() + sockets.webSocket().active.total());
  }
}
