package dev.monitor.it;

/** H2 through the latest HikariCP. */
class JdbcH2HikariTest extends JdbcH2Scenario {

  @Override
  String pool() {
    return "hikari";
  }

  @Override
  String poolKind() {
    return "hikaricp";
  }
}
