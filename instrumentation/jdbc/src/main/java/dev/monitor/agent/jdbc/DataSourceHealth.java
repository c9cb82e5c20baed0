package dev.monitor.agent.jdbc;

import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The health of one data source the service uses: a connection from the service's own pool and
 * {@code Connection.isValid} with a timeout, with recording switched off so the check does not
 * count as traffic. {@link dev.monitor.agent.health.HealthChecks} adds the overall timeout and
 * the cache. DOWN when no valid connection comes back; DEGRADED, without borrowing, while the
 * pool is exhausted (every connection in use: the next borrower waits).
 */
public final class DataSourceHealth implements HealthCheck {

  /** Seconds {@code isValid} may take; below the health timeout of 3 s. */
  static final int VALID_TIMEOUT_SECONDS = 2;

  private final DataSourceEntry entry;
  private final JdbcMetrics metrics;

  DataSourceHealth(DataSourceEntry entry, JdbcMetrics metrics) {
    this.entry = entry;
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return "database:" + entry.name;
  }

  @Override
  public Kind kind() {
    return Kind.DEPENDENCY;
  }

  @Override
  public String group() {
    return "database";
  }

  @Override
  public HealthStatus check(Map<String, Object> details) throws Exception {
    details.put("pool", entry.name);
    details.put("poolKind", entry.view.kind());
    putDatabase(details);
    PoolFigures figures = metrics.poolFigures(entry);
    details.put("connections", usage(figures));
    boolean exhausted = figures.max > 0 && figures.used >= figures.max;
    if (exhausted) {
      // Borrowing now would only join the queue (and take a connection from the service later).
      details.put("warning", "pool exhausted: all " + figures.max + " connections in use, "
          + figures.pending + " waiting; the check did not borrow one");
      return HealthStatus.DEGRADED;
    }
    Object source = entry.dataSource.get();
    if (!(source instanceof DataSource)) {
      details.put("error", "the data source is gone");
      return HealthStatus.DOWN;
    }
    boolean valid =
        metrics.unrecorded(
            () -> {
              try (Connection connection = ((DataSource) source).getConnection()) {
                boolean ok = connection.isValid(VALID_TIMEOUT_SECONDS);
                if (ok && entry.product == null) {
                  DatabaseMetaData meta = connection.getMetaData();
                  entry.db = DbInfo.fromUrl(meta.getURL());
                  entry.version = meta.getDatabaseProductVersion();
                  entry.product = meta.getDatabaseProductName();
                }
                return ok;
              }
            });
    putDatabase(details);
    if (!valid) {
      details.put("error", "Connection.isValid(" + VALID_TIMEOUT_SECONDS + ") returned false");
      return HealthStatus.DOWN;
    }
    return HealthStatus.UP;
  }

  private void putDatabase(Map<String, Object> details) {
    DbInfo db = entry.db;
    if (db != null) {
      details.put("db.system.name", db.system);
      details.put("db.namespace", db.namespace);
      details.put("server.address", db.address());
    }
    if (entry.product != null) {
      details.put("database", entry.product);
      details.put("version", entry.version);
    }
  }

  private static Map<String, Object> usage(PoolFigures p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("used", p.used);
    if (p.idle >= 0) {
      out.put("idle", p.idle);
    }
    if (p.max >= 0) {
      out.put("max", p.max);
      out.put("usedRatio", p.max == 0 ? 0 : Math.round(1000.0 * p.used / p.max) / 1000.0);
    }
    out.put("pending", p.pending);
    out.put("timeouts", p.timeouts);
    return out;
  }
}
