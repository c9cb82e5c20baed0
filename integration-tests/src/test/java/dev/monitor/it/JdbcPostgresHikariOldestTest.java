package dev.monitor.it;

/** PostgreSQL through the oldest HikariCP the agent supports, 3.0.0, in place of the latest. */
class JdbcPostgresHikariOldestTest extends JdbcPostgresScenario {

  @Override
  String pool() {
    return "hikari";
  }

  @Override
  String poolKind() {
    return "hikaricp";
  }

  @Override
  ChildJvm.Builder customize(ChildJvm.Builder builder) {
    return builder.replacing("HikariCP-", "HikariCP-3.0.0.jar");
  }
}
