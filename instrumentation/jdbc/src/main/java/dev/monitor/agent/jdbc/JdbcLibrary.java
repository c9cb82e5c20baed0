package dev.monitor.agent.jdbc;

import dev.monitor.agent.config.SettingKey;
import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.library.AlertSignal;
import dev.monitor.agent.library.Library;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.JdbcBridge;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Every JDBC driver and pool: statement timing, slow queries, pool pressure, one health check
 * per data source ({@code /health/database}), the {@code database} part of
 * {@code /metrics.json}, and the database signals of the alert rules. On a JVM without the
 * {@code java.sql} module (a custom runtime image) installing fails with a LinkageError and JDBC
 * is simply not monitored.
 */
public final class JdbcLibrary implements Library {

  static final SettingKey SLOW_QUERY_THRESHOLD =
      SettingKey.duration("db.slow-query-threshold", Duration.ofMillis(100),
          "a JDBC execution at least this long counts in `db_client_slow_operations_total` and is logged (see [Slow queries](#slow-queries))");

  /** The busiest JDBC pool's connections in use over its maximum. */
  public static final String POOL_USAGE = "db.pool-usage";
  /** The last minute's p95 over JDBC operations (Redis commands excluded), in seconds. */
  public static final String P95 = "db.p95";

  private MetricRegistry registry;
  private DbClientMetrics db;
  private JdbcMetrics jdbc;

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<SettingKey> settings() {
    return Collections.singletonList(SLOW_QUERY_THRESHOLD);
  }

  @Override
  public void install(LibraryContext context) {
    registry = context.registry();
    db = context.dbClient();
    Duration slow = context.setting(SLOW_QUERY_THRESHOLD);
    JdbcMetrics metrics =
        new JdbcMetrics(
            registry, db, context.seriesLimit(), slow.toNanos(), context::registerHealth, context::unregisterHealth);
    JdbcBridge.install(metrics);
    jdbc = metrics;
  }

  @Override
  public List<String> healthGroups() {
    return Collections.singletonList("database");
  }

  @Override
  public String summaryKey() {
    return "database";
  }

  @Override
  public Map<String, Object> summary() {
    return new DatabaseSummary(registry, jdbc).build();
  }

  @Override
  public void historySeries(Map<String, java.util.function.Supplier<Double>> series) {
    series.put("db.operations", () -> {
      List<LatencySummary> overall = overall();
      return overall.isEmpty() ? 0.0 : (double) overall.get(0).count;
    });
    series.put("db.p95", this::recentP95);
    series.put("db.pool.used", () -> poolSum(true));
    series.put("db.pool.pending", () -> poolSum(false));
  }

  /**
   * Per pool: connections used, idle, the maximum and requests waiting; per operation on a
   * table ({@code SELECT users}): the last minute's p95 in seconds.
   */
  @Override
  public void historyFamilies(Map<String, java.util.function.Supplier<Map<String, Double>>> families) {
    families.put("db.pool.used", () -> perPool(p -> p.used));
    families.put("db.pool.idle", () -> perPool(p -> p.idle));
    families.put("db.pool.max", () -> perPool(p -> p.max));
    families.put("db.pool.pending", () -> perPool(p -> p.pending));
    families.put("db.operation.p95", () -> {
      Map<String, Double> out = new java.util.LinkedHashMap<>();
      List<LatencySummary> recent = new java.util.ArrayList<>(registry.summarize(db.duration,
          values -> !"redis".equals(values[0]), JdbcMetrics.OPERATION, JdbcMetrics.COLLECTION));
      // the busiest ten of the last minute: the history's series are few (History.MAX_SERIES)
      recent.sort((a, b) -> Long.compare(b.recentCount, a.recentCount));
      for (LatencySummary s : recent.subList(0, Math.min(10, recent.size()))) {
        if (s.recentCount > 0) {
          String operation = s.attribute(JdbcMetrics.OPERATION);
          String table = s.attribute(JdbcMetrics.COLLECTION);
          out.merge((operation == null ? "?" : operation) + (table == null ? "" : " " + table), s.recentP95, Math::max);
        }
      }
      return out;
    });
  }

  private Map<String, Double> perPool(java.util.function.ToIntFunction<PoolFigures> figure) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (PoolFigures pool : jdbc.pools()) {
      int value = figure.applyAsInt(pool);
      if (value >= 0) {
        out.put(pool.name, (double) value);
      }
    }
    return out;
  }

  /** Connections in use (or requests waiting) over every JDBC pool. */
  private Double poolSum(boolean used) {
    double sum = 0;
    for (PoolFigures pool : jdbc.pools()) {
      sum += used ? pool.used : pool.pending;
    }
    return sum;
  }

  @Override
  public void alertSignals(Map<String, AlertSignal> signals) {
    signals.put(P95, AlertSignal.now(this::recentP95));
    signals.put(POOL_USAGE, AlertSignal.now(() -> {
      Double busiest = null;
      for (PoolFigures pool : jdbc.pools()) {
        if (pool.max > 0) {
          double usage = (double) pool.used / pool.max;
          busiest = busiest == null ? usage : Math.max(busiest, usage);
        }
      }
      return busiest;
    }));
  }

  /** Every JDBC operation summarized as one series (Redis commands share the instrument and are left out). */
  private List<LatencySummary> overall() {
    return registry.summarize(db.duration, values -> !"redis".equals(values[0]));
  }

  /** The last minute's p95 over JDBC operations, in seconds; null without any. */
  private Double recentP95() {
    List<LatencySummary> overall = overall();
    return overall.isEmpty() || overall.get(0).recentCount == 0 ? null : overall.get(0).recentP95;
  }
}
