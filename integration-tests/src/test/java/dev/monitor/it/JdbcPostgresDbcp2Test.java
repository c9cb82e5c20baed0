package dev.monitor.it;

/** PostgreSQL through Apache Commons DBCP2. */
class JdbcPostgresDbcp2Test extends JdbcPostgresScenario {

  @Override
  String pool() {
    return "dbcp2";
  }

  @Override
  String poolKind() {
    return "dbcp2";
  }
}
