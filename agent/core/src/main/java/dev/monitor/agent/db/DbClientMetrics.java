package dev.monitor.agent.db;

import dev.monitor.agent.metrics.CallbackMetric;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.MetricFamily.Kind;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The {@code db.client.*} instruments that JDBC and Redis share: one metric family each, told
 * apart by {@code db.system.name} and the pool name, as the semantic conventions have it. The
 * pool gauges are read at scrape time from every registered pool source. Thread-safe.
 */
public final class DbClientMetrics {

  public static final String SYSTEM = "db.system.name";
  public static final String NAMESPACE = "db.namespace";
  public static final String OPERATION = "db.operation.name";
  public static final String COLLECTION = "db.collection.name";
  public static final String ERROR_TYPE = "error.type";
  public static final String STATUS_CODE = "db.response.status_code";
  public static final String POOL = "db.client.connection.pool.name";
  public static final String STATE = "db.client.connection.state";

  /** Semantic-convention advice for {@code db.client.operation.duration}, in seconds. */
  public static final double[] OPERATION_BOUNDS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};
  /** Waiting for and holding a connection: from sub-millisecond to a pool's 30 s timeout. */
  public static final double[] CONNECTION_BOUNDS = {
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };

  private static final String[] POOL_KEYS = {POOL};
  private static final String[] STATE_KEYS = {POOL, STATE};

  public final LatencyHistogram duration;
  public final LatencyHistogram waitTime;
  public final LatencyHistogram useTime;
  public final Counter timeouts;
  private final List<Supplier<List<PoolFigures>>> poolSources = new CopyOnWriteArrayList<>();

  public DbClientMetrics(MetricRegistry registry, int seriesLimit) {
    this.duration =
        registry.register(
            new LatencyHistogram(
                "db.client.operation.duration",
                "Duration of database client operations.",
                new String[] {SYSTEM, NAMESPACE, OPERATION, COLLECTION, ERROR_TYPE, STATUS_CODE},
                seriesLimit,
                OPERATION_BOUNDS));
    this.waitTime =
        registry.register(
            new LatencyHistogram(
                "db.client.connection.wait_time",
                "The time it took to obtain an open connection from the pool.",
                POOL_KEYS, seriesLimit, CONNECTION_BOUNDS));
    this.useTime =
        registry.register(
            new LatencyHistogram(
                "db.client.connection.use_time",
                "The time between borrowing a connection and returning it to the pool.",
                POOL_KEYS, seriesLimit, CONNECTION_BOUNDS));
    this.timeouts =
        registry.register(
            new Counter(
                "db.client.connection.timeouts",
                "The number of connection timeouts that have occurred trying to obtain a connection from the pool.",
                "{timeout}", false, POOL_KEYS, seriesLimit));
    registerPoolGauges(registry);
  }

  /** Adds the pools of one client library (JDBC data sources, Jedis pools) to the gauges. */
  public void addPools(Supplier<List<PoolFigures>> source) {
    poolSources.add(source);
  }

  /** Every pool's figures now. Reader side. */
  public List<PoolFigures> pools() {
    List<PoolFigures> out = new ArrayList<>();
    for (Supplier<List<PoolFigures>> source : poolSources) {
      out.addAll(source.get());
    }
    return out;
  }

  private void registerPoolGauges(MetricRegistry registry) {
    registry.register(
        new CallbackMetric(
            "db.client.connection.count",
            "The number of connections that are currently in state described by the state attribute.",
            "{connection}", Kind.UP_DOWN_COUNTER,
            points -> {
              for (PoolFigures p : pools()) {
                if (p.idle >= 0) {
                  points.add(new MetricPoint(STATE_KEYS, new String[] {p.name, "idle"}, p.idle));
                }
                points.add(new MetricPoint(STATE_KEYS, new String[] {p.name, "used"}, p.used));
              }
            }));
    registry.register(
        new CallbackMetric(
            "db.client.connection.max", "The maximum number of open connections allowed.",
            "{connection}", Kind.UP_DOWN_COUNTER,
            points -> {
              for (PoolFigures p : pools()) {
                if (p.max >= 0) {
                  points.add(new MetricPoint(POOL_KEYS, new String[] {p.name}, p.max));
                }
              }
            }));
    registry.register(
        new CallbackMetric(
            "db.client.connection.pending_requests",
            "The number of current pending requests for an open connection.",
            "{request}", Kind.UP_DOWN_COUNTER,
            points -> {
              for (PoolFigures p : pools()) {
                if (p.pending >= 0) {
                  points.add(new MetricPoint(POOL_KEYS, new String[] {p.name}, p.pending));
                }
              }
            }));
  }
}
