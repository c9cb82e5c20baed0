package dev.monitor.it;

/** H2 in memory (one database per child JVM), through one pool per subclass. */
abstract class JdbcH2Scenario extends JdbcScenario {

  @Override
  String url() {
    return "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";
  }

  @Override
  String system() {
    return "h2";
  }

  @Override
  String namespace() {
    return "shop";
  }

  @Override
  String missingTableState() {
    return "42S02";
  }

  @Override
  String sleepStatement() {
    return "SELECT SLEEP_MS(?)";
  }
}
