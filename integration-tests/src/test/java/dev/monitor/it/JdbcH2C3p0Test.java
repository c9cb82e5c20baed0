package dev.monitor.it;

/** H2 through c3p0. */
class JdbcH2C3p0Test extends JdbcH2Scenario {

  @Override
  String pool() {
    return "c3p0";
  }

  @Override
  String poolKind() {
    return "c3p0";
  }
}
