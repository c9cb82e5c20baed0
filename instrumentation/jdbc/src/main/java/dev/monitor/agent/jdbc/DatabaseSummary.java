package dev.monitor.agent.jdbc;

import dev.monitor.agent.summary.SummaryFigures;
import dev.monitor.agent.db.PoolRows;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code database} part of {@code /metrics.json}: operations and errors with latency overall
 * and per database, operation and table; the slow-query threshold, how many were slow and the
 * slowest sanitized statements (by p95); and every pool's connections, waiters and timeouts.
 */
final class DatabaseSummary {

  /** How many statements the slowest-statements list shows. */
  static final int SLOWEST = 10;

  private final MetricRegistry registry;
  private final JdbcMetrics jdbc;

  DatabaseSummary(MetricRegistry registry, JdbcMetrics jdbc) {
    this.registry = registry;
    this.jdbc = jdbc;
  }

  Map<String, Object> build() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<LatencySummary> series =
        registry.summarize(
            jdbc.duration(), notRedis(), JdbcMetrics.SYSTEM, JdbcMetrics.NAMESPACE, JdbcMetrics.OPERATION,
            JdbcMetrics.COLLECTION, JdbcMetrics.ERROR_TYPE);
    List<LatencySummary> overall = registry.summarize(jdbc.duration(), notRedis());
    long operations = 0;
    long errors = 0;
    for (LatencySummary s : series) {
      operations += s.count;
      if (s.attribute(JdbcMetrics.ERROR_TYPE) != null) {
        errors += s.count;
      }
    }
    out.put("operations", operations);
    out.put("errors", errors);
    out.put("errorRate", SummaryFigures.ratio(errors, operations));
    out.put("latencyMs", SummaryFigures.latency(overall.isEmpty() ? null : overall.get(0)));
    out.put("byOperation", byOperation(series));
    out.put("slowQueries", slowQueries());
    out.put("pools", pools());
    return out;
  }

  private List<Map<String, Object>> byOperation(List<LatencySummary> series) {
    Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>();
    List<LatencySummary> grouped =
        registry.summarize(
            jdbc.duration(), notRedis(), JdbcMetrics.SYSTEM, JdbcMetrics.NAMESPACE, JdbcMetrics.OPERATION,
            JdbcMetrics.COLLECTION);
    for (LatencySummary s : grouped) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("system", s.attribute(JdbcMetrics.SYSTEM));
      row.put("namespace", s.attribute(JdbcMetrics.NAMESPACE));
      row.put("operation", s.attribute(JdbcMetrics.OPERATION));
      row.put("table", s.attribute(JdbcMetrics.COLLECTION));
      row.put("count", s.count);
      row.put("errors", 0L);
      row.put("latencyMs", SummaryFigures.latency(s));
      rows.put(key(s), row);
    }
    for (LatencySummary s : series) {
      if (s.attribute(JdbcMetrics.ERROR_TYPE) != null) {
        Map<String, Object> row = rows.get(key(s));
        if (row != null) {
          row.put("errors", (Long) row.get("errors") + s.count);
        }
      }
    }
    List<Map<String, Object>> list = new ArrayList<>(rows.values());
    list.sort((a, b) -> Long.compare((Long) b.get("count"), (Long) a.get("count")));
    return list;
  }

  /** Redis commands share {@code db.client.operation.duration}; they have their own part. */
  private java.util.function.Predicate<String[]> notRedis() {
    return jdbc.duration().where(JdbcMetrics.SYSTEM, system -> !"redis".equals(system));
  }

  private static List<String> key(LatencySummary s) {
    return java.util.Arrays.asList(
        s.attribute(JdbcMetrics.SYSTEM), s.attribute(JdbcMetrics.NAMESPACE),
        s.attribute(JdbcMetrics.OPERATION), s.attribute(JdbcMetrics.COLLECTION));
  }

  private Map<String, Object> slowQueries() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("thresholdMs", SummaryFigures.ms(jdbc.slowThresholdNanos() / 1e9));
    long slow = 0;
    for (MetricPoint p : jdbc.slowOperations().collect(System.currentTimeMillis()).points) {
      slow += (long) p.value;
    }
    out.put("count", slow);
    List<LatencySummary> statements = registry.summarize(jdbc.statements(), "statement");
    statements.sort((a, b) -> Double.compare(b.p95, a.p95));
    List<Map<String, Object>> slowest = new ArrayList<>();
    for (LatencySummary s : statements) {
      if (slowest.size() == SLOWEST || s.count == 0) {
        break;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("statement", s.attribute("statement"));
      row.put("count", s.count);
      row.put("p95Ms", SummaryFigures.ms(s.p95));
      row.put("maxMs", SummaryFigures.ms(s.max));
      row.put("avgMs", SummaryFigures.ms(s.sumSeconds / s.count));
      slowest.add(row);
    }
    out.put("slowestStatements", slowest);
    return out;
  }

  private List<Map<String, Object>> pools() {
    List<LatencySummary> waits = registry.summarize(jdbc.waitTime(), JdbcMetrics.POOL);
    List<LatencySummary> uses = registry.summarize(jdbc.useTime(), JdbcMetrics.POOL);
    List<Map<String, Object>> out = new ArrayList<>();
    for (PoolFigures p : jdbc.pools()) {
      Map<String, Object> row = PoolRows.row(p, waits);
      row.put("useMs", SummaryFigures.latency(PoolRows.find(uses, p.name)));
      out.add(row);
    }
    return out;
  }
}
