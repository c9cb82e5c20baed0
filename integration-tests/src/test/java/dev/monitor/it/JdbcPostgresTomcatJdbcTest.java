package dev.monitor.it;

/** PostgreSQL through the Tomcat JDBC pool (which hands out JDK proxy connections). */
class JdbcPostgresTomcatJdbcTest extends JdbcPostgresScenario {

  @Override
  String pool() {
    return "tomcat";
  }

  @Override
  String poolKind() {
    return "tomcat-jdbc";
  }
}
