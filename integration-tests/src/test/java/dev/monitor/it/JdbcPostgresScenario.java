package dev.monitor.it;

/** PostgreSQL on the shared server, through one pool per subclass. */
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
