package dev.monitor.it;

/** PostgreSQL (the shared server unless a subclass starts its own), through one pool per subclass. */
abstract class JdbcPostgresScenario extends JdbcScenario {

  @Override
  String url() throws Exception {
    return Postgres.shared().url();
  }

  @Override
  String system() {
    return "postgresql";
  }

  @Override
  String namespace() {
    return "postgres";
  }

  @Override
  String missingTableState() {
    return "42P01";
  }

  @Override
  String sleepStatement() {
    return "SELECT pg_sleep(?)";
  }
}
