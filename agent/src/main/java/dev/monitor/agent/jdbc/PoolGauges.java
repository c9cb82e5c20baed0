package dev.monitor.agent.jdbc;

import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.CallbackMetric;
import dev.monitor.agent.metrics.MetricFamily.Kind;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool gauges, read at scrape time: {@code db.client.connection.count} (idle and used),
 * {@code .max} and {@code .pending_requests}. A figure comes from the pool itself when the agent
 * knows the pool; otherwise "used" is the connections the agent saw handed out and not yet
 * closed, "pending" the threads inside {@code getConnection}, and idle and max are not reported.
 */
public final class PoolGauges {

  private static final String[] POOL_KEYS = {JdbcMetrics.POOL};
  private static final String[] STATE_KEYS = {JdbcMetrics.POOL, JdbcMetrics.STATE};

  /** One pool's figures at one read; -1 for a figure nobody knows. Immutable. */
  public static final class PoolFigures {
    public final String name;
    public final String kind;
    public final int idle;
    public final int used;
    public final int max;
    public final int pending;
    public final long timeouts;

    PoolFigures(String name, String kind, int idle, int used, int max, int pending, long timeouts) {
      this.name = name;
      this.kind = kind;
      this.idle = idle;
      this.used = used;
      this.max = max;
      this.pending = pending;
      this.timeouts = timeouts;
    }
  }

  private final DataSources dataSources;

  PoolGauges(DataSources dataSources) {
    this.dataSources = dataSources;
  }

  void register(MetricRegistry registry) {
    registry.register(
        new CallbackMetric(
            "db.client.connection.count",
            "The number of connections that are currently in state described by the state attribute.",
            "{connection}", Kind.UP_DOWN_COUNTER,
            points -> {
              for (PoolFigures p : read()) {
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
              for (PoolFigures p : read()) {
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
              for (PoolFigures p : read()) {
                points.add(new MetricPoint(POOL_KEYS, new String[] {p.name}, p.pending));
              }
            }));
  }

  /** The figures of every pool in use. Reader side; a pool that cannot be read is skipped. */
  public List<PoolFigures> read() {
    List<PoolFigures> out = new ArrayList<>();
    for (DataSourceEntry entry : dataSources.active()) {
      out.add(read(entry));
    }
    return out;
  }

  PoolFigures read(DataSourceEntry entry) {
    int idle = -1;
    int used = -1;
    int max = -1;
    int pending = -1;
    try {
      idle = entry.view.idle();
      used = entry.view.used();
      max = entry.view.max();
      pending = entry.view.pending();
    } catch (Exception | LinkageError e) {
      AgentLog.warnOnce("pool-read " + entry.name, "cannot read pool '" + entry.name + "'", e);
    }
    if (used < 0) {
      used = dataSources.openLeases(entry);
    }
    if (pending < 0) {
      pending = (int) Math.max(0, entry.waiting.sum());
    }
    return new PoolFigures(entry.name, entry.view.kind(), idle, used, max, pending, entry.timeouts.sum());
  }
}
