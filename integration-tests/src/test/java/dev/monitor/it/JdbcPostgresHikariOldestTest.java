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

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Order(0)
  void runsOnHikariCp300() throws Exception {
    org.junit.jupiter.api.Assertions.assertTrue(
        app.output().contains("APP pool from ") && app.output().contains("/HikariCP-3.0.0.jar"), app.output());
  }
}
