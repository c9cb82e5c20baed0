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

  /** Tomcat JDBC hands out JDK proxies (Serializable, in a named module): those keep the maps. */
  @Override
  String taggedObjects() {
    return "connection false statement false driver connection true";
  }
}
