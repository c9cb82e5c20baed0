package dev.monitor.agent.jdbc;

/**
 * What the agent remembers about a statement from the moment it was created: its database, the
 * pool its connection came from (null when none was seen) and, for a prepared statement, its
 * SQL summary. Immutable.
 */
final class StatementInfo {

  final DbInfo db;
  final DataSourceEntry pool;
  final SqlSummary sql;

  StatementInfo(DbInfo db, DataSourceEntry pool, SqlSummary sql) {
    this.db = db;
    this.pool = pool;
    this.sql = sql;
  }
}
