package dev.monitor.agent.jdbc;

/**
 * What one thread is doing in JDBC right now: how deep it is in nested execute, prepare and
 * getConnection calls (a pool's proxy calling the driver's own method), and what the outermost
 * call started with. Confined to its thread; allocated once per thread.
 */
final class JdbcThreadState {

  /** Set while the agent itself uses JDBC (a health check): nothing is recorded. */
  boolean suppressed;

  int executeDepth;
  long executeStart;

  int prepareDepth;
  /** The database the innermost prepare call found, reused by the calls around it. */
  DbInfo preparedDb;

  int acquireDepth;
  long acquireStart;
  DataSourceEntry acquireEntry;
  /** A data source first seen unnamed (a pool that names itself as it starts): registered at the call's end. */
  Object acquireUnnamed;
}
