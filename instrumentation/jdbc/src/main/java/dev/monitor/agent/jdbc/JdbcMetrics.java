package dev.monitor.agent.jdbc;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import dev.monitor.agent.identity.WeakIdentityMap;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.AgentTagged;
import dev.monitor.bootstrap.JdbcRecorder;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Records what the JDBC advice reports: {@code db.client.operation.duration} per database,
 * operation and table, slow operations, and the connection-pool figures of every data source the
 * service uses. Runs on application threads: no lock and no allocation on the execute path for
 * known statements; nothing here ever throws into the application.
 */
public final class JdbcMetrics implements JdbcRecorder {

  public static final String SYSTEM = DbClientMetrics.SYSTEM;
  public static final String NAMESPACE = DbClientMetrics.NAMESPACE;
  public static final String OPERATION = DbClientMetrics.OPERATION;
  public static final String COLLECTION = DbClientMetrics.COLLECTION;
  public static final String ERROR_TYPE = DbClientMetrics.ERROR_TYPE;
  public static final String STATUS_CODE = DbClientMetrics.STATUS_CODE;
  public static final String POOL = DbClientMetrics.POOL;

  static final double[] OPERATION_BOUNDS = DbClientMetrics.OPERATION_BOUNDS;
  static final int STATEMENT_LIMIT = 200;

  private static final ThreadLocal<JdbcThreadState> STATE_OF_THREAD =
      ThreadLocal.withInitial(JdbcThreadState::new);

  private final LatencyHistogram duration;
  private final Counter slowOperations;
  private final LatencyHistogram statements;
  private final SqlSummaries summaries;
  private final ConcurrentWeakIdentityMap<Object, StatementInfo> statementInfo =
      new ConcurrentWeakIdentityMap<>();
  private final ConcurrentWeakIdentityMap<Object, DbInfo> connectionDb =
      new ConcurrentWeakIdentityMap<>();
  private final LatencyHistogram waitTime;
  private final LatencyHistogram useTime;
  private final DataSources dataSources;
  private final PoolGauges poolGauges;
  private final long slowNanos;
  private final SlowQueryLog slowLog;

  public JdbcMetrics(
      MetricRegistry registry,
      DbClientMetrics db,
      int seriesLimit,
      long slowThresholdNanos,
      Consumer<DataSourceHealth> onDataSourceAdded,
      Consumer<DataSourceHealth> onDataSourceRemoved) {
    this.duration = db.duration;
    this.slowOperations =
        registry.register(
            new Counter(
                "db.client.slow_operations",
                "Database operations that took at least monitor.db.slow-query-threshold.",
                "{operation}",
                false,
                new String[] {SYSTEM, NAMESPACE, OPERATION, COLLECTION},
                seriesLimit));
    // Each (system, database, operation, table) a query ran on has its slow count from then on,
    // at 0 until one is slow, so rate() and alert rules see a value before the first slow query.
    db.duration.series().onCreate(
        values -> {
          if (!"redis".equals(values[0])) {
            slowOperations.series().get(values[0], values[1], values[2], values[3]);
          }
        });
    this.statements =
        new LatencyHistogram(
            "db.client.statement.duration", "Per sanitized statement (JSON only).",
            new String[] {"statement"}, STATEMENT_LIMIT, OPERATION_BOUNDS);
    this.summaries = new SqlSummaries(statements);
    this.waitTime = db.waitTime;
    this.useTime = db.useTime;
    Counter timeouts = db.timeouts;
    this.dataSources =
        new DataSources(
            waitTime, useTime, timeouts,
            entry -> onDataSourceAdded.accept(new DataSourceHealth(entry, this)),
            entry -> onDataSourceRemoved.accept(new DataSourceHealth(entry, this)));
    this.poolGauges = new PoolGauges(dataSources);
    db.addPools(poolGauges::read);
    this.slowNanos = slowThresholdNanos;
    this.slowLog = new SlowQueryLog(slowThresholdNanos / 1_000_000, System.err);
  }

  // ---- statement execution (hot path) ----

  @Override
  public Object executeStarted() {
    JdbcThreadState state = STATE_OF_THREAD.get();
    if (state.suppressed) {
      return null;
    }
    if (state.executeDepth++ == 0) {
      state.executeStart = System.nanoTime();
    }
    return state;
  }

  @Override
  public void executeEnded(Object token, Object statement, String sql, boolean batch, Throwable thrown) {
    JdbcThreadState state = (JdbcThreadState) token;
    if (--state.executeDepth != 0) {
      if (state.executeDepth < 0) {
        state.executeDepth = 0; // never let a lost exit disable recording on this thread
      }
      return;
    }
    long nanos = System.nanoTime() - state.executeStart;
    try {
      StatementInfo info = infoOf(statement);
      SqlSummary summary = sql != null ? summaries.of(sql) : info == null ? null : info.sql;
      DbInfo db = info == null ? dbOfStatement(statement) : info.db;
      String operation =
          summary == null ? (batch ? "BATCH" : null) : batch ? summary.batchOperation : summary.operation;
      String collection = summary == null ? null : summary.collection;
      String errorType = null;
      String statusCode = null;
      if (thrown != null) {
        statusCode = thrown instanceof SQLException ? ((SQLException) thrown).getSQLState() : null;
        errorType =
            statusCode != null && statusCode.length() >= 2
                ? statusCode.substring(0, 2)
                : thrown.getClass().getName();
      }
      duration.series().get(db.system, db.namespace, operation, collection, errorType, statusCode).record(nanos);
      if (summary != null && summary.statementLatency != null) {
        summary.statementLatency.record(nanos);
      }
      if (nanos >= slowNanos) {
        slowOperations.series().get(db.system, db.namespace, operation, collection).increment();
        DataSourceEntry pool = info == null ? null : info.pool;
        slowLog.log(summary, db, pool == null ? null : pool.name, nanos, thrown != null);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jdbc-execute", "cannot record a JDBC statement", e);
    }
  }

  /** A statement created before the agent saw it (or unwrapped from a pool's proxy). */
  private DbInfo dbOfStatement(Object statement) {
    try {
      return connectionDb(((java.sql.Statement) statement).getConnection());
    } catch (Exception | LinkageError e) {
      return DbInfo.UNKNOWN;
    }
  }

  // ---- statement creation ----

  @Override
  public Object statementStarted() {
    JdbcThreadState state = STATE_OF_THREAD.get();
    if (state.suppressed) {
      return null;
    }
    if (state.prepareDepth++ == 0) {
      state.preparedDb = null;
    }
    return state;
  }

  @Override
  public void statementEnded(Object token, Object connection, String sql, Object statement) {
    JdbcThreadState state = (JdbcThreadState) token;
    state.prepareDepth = Math.max(0, state.prepareDepth - 1);
    try {
      if (statement == null) {
        return;
      }
      // The innermost call (the driver's own connection) looks the database up; the pool's
      // proxies around it reuse that answer instead of asking their own connection again.
      DbInfo db = state.preparedDb;
      if (db == null) {
        db = connectionDb(connection);
        state.preparedDb = db;
      }
      if (state.prepareDepth == 0) {
        state.preparedDb = null;
        Lease lease = dataSources.lease(connection);
        StatementInfo info = new StatementInfo(db, lease == null ? null : lease.pool, sql == null ? null : summaries.of(sql));
        if (statement instanceof AgentTagged) {
          ((AgentTagged) statement).monitor$tag(info);
        } else {
          statementInfo.put(statement, info);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jdbc-prepare", "cannot note a JDBC statement", e);
    }
  }

  /** The database of a connection, read once per connection object from its URL. */
  private DbInfo connectionDb(Object connection) {
    if (connection == null) {
      return DbInfo.UNKNOWN;
    }
    DbInfo known = connectionDb.get(connection);
    if (known != null) {
      return known;
    }
    DbInfo db;
    try {
      db = DbInfo.fromUrl(((java.sql.Connection) connection).getMetaData().getURL());
    } catch (Exception | LinkageError e) {
      db = DbInfo.UNKNOWN;
    }
    connectionDb.put(connection, db);
    return db;
  }

  /** What was noted when the statement was created: on the statement itself where it has the field, else in the map. */
  private StatementInfo infoOf(Object statement) {
    if (statement instanceof AgentTagged) {
      Object tag = ((AgentTagged) statement).monitor$tag();
      return tag instanceof StatementInfo ? (StatementInfo) tag : null;
    }
    return statementInfo.get(statement);
  }

  @Override
  public void statementClosed(Object statement) {
    try {
      if (statement instanceof AgentTagged) {
        if (((AgentTagged) statement).monitor$tag() instanceof StatementInfo) {
          ((AgentTagged) statement).monitor$tag(null);
        }
        return;
      }
      statementInfo.remove(statement);
    } catch (RuntimeException e) {
      AgentLog.warnOnce("jdbc-statement-close", "cannot forget a closed JDBC statement", e);
    }
  }

  // ---- connections from data sources ----

  @Override
  public Object connectionRequested(Object dataSource) {
    JdbcThreadState state = STATE_OF_THREAD.get();
    if (state.suppressed) {
      return null;
    }
    if (state.acquireDepth++ == 0) {
      state.acquireEntry = null;
      state.acquireUnnamed = null;
      try {
        DataSourceEntry entry = dataSources.entryIfNamed(dataSource);
        if (entry == null) {
          // HikariCP names its pool ("HikariPool-1") only when this first call starts it
          state.acquireUnnamed = dataSource;
          state.acquireStart = System.nanoTime();
        } else if (entry != DataSources.IGNORED) {
          entry.waiting.increment();
          state.acquireEntry = entry;
          state.acquireStart = System.nanoTime();
        }
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("jdbc-datasource", "cannot note a data source", e);
      }
    }
    return state;
  }

  @Override
  public void connectionReturned(Object token, Object dataSource, Object connection, Throwable thrown) {
    JdbcThreadState state = (JdbcThreadState) token;
    if (--state.acquireDepth > 0) {
      return;
    }
    state.acquireDepth = 0;
    DataSourceEntry entry = state.acquireEntry;
    state.acquireEntry = null;
    boolean counted = entry != null;
    if (entry == null && state.acquireUnnamed != null) {
      Object unnamed = state.acquireUnnamed;
      state.acquireUnnamed = null;
      try {
        entry = dataSources.entryFor(unnamed);
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("jdbc-datasource", "cannot note a data source", e);
        return;
      }
      if (entry == DataSources.IGNORED) {
        return;
      }
    }
    if (entry == null) {
      return;
    }
    long now = System.nanoTime();
    try {
      if (counted) {
        entry.waiting.decrement();
      }
      if (thrown != null) {
        if (PoolTimeouts.isTimeout(thrown)) {
          entry.timeouts.increment();
        }
        return;
      }
      entry.waitTime.record(now - state.acquireStart);
      if (connection != null) {
        dataSources.leased(connection, entry, now);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jdbc-connection", "cannot record a connection", e);
    }
  }

  @Override
  public void connectionClosed(Object connection) {
    try {
      Lease lease = dataSources.release(connection);
      if (lease != null) {
        lease.pool.useTime.record(System.nanoTime() - lease.sinceNanos);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jdbc-close", "cannot record a connection close", e);
    }
  }

  // ---- for readers ----

  /** Runs {@code work} on this thread with recording off: the agent's own JDBC use. */
  <T> T unrecorded(java.util.concurrent.Callable<T> work) throws Exception {
    JdbcThreadState state = STATE_OF_THREAD.get();
    boolean before = state.suppressed;
    state.suppressed = true;
    try {
      return work.call();
    } finally {
      state.suppressed = before;
    }
  }

  public LatencyHistogram duration() {
    return duration;
  }

  public LatencyHistogram statements() {
    return statements;
  }

  public LatencyHistogram waitTime() {
    return waitTime;
  }

  public LatencyHistogram useTime() {
    return useTime;
  }

  public long slowThresholdNanos() {
    return slowNanos;
  }

  public Counter slowOperations() {
    return slowOperations;
  }

  public java.util.List<PoolFigures> pools() {
    return poolGauges.read();
  }

  /** One pool's figures now (for its health check). */
  PoolFigures poolFigures(DataSourceEntry entry) {
    return poolGauges.read(entry);
  }
}
