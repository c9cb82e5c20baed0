package dev.monitor.bootstrap;

/**
 * Static entry points that the JDBC advice (inlined into drivers' and pools' classes) calls:
 * statement execution, statement creation (to remember the SQL of a prepared statement),
 * {@code DataSource.getConnection} and {@code Connection.close}. Everything is delegated to the
 * recorder the agent installs; until then nothing is recorded.
 */
public final class JdbcBridge {

  private static volatile JdbcRecorder recorder = JdbcRecorder.NOOP;

  private JdbcBridge() {}

  /** Called once by the agent at start. */
  public static void install(JdbcRecorder installed) {
    recorder = installed == null ? JdbcRecorder.NOOP : installed;
  }

  public static Object executeStarted() {
    return recorder.executeStarted();
  }

  /** {@code sql} is the argument of {@code Statement.execute(String)}, null for prepared ones. */
  public static void executeEnded(
      Object token, Object statement, String sql, boolean batch, Throwable thrown) {
    if (token != null) {
      recorder.executeEnded(token, statement, sql, batch, thrown);
    }
  }

  public static Object statementStarted() {
    return recorder.statementStarted();
  }

  /** {@code sql} is null for {@code createStatement}; {@code statement} null when it failed. */
  public static void statementEnded(Object token, Object connection, String sql, Object statement) {
    if (token != null) {
      recorder.statementEnded(token, connection, sql, statement);
    }
  }

  public static Object connectionRequested(Object dataSource) {
    return recorder.connectionRequested(dataSource);
  }

  public static void connectionReturned(
      Object token, Object dataSource, Object connection, Throwable thrown) {
    if (token != null) {
      recorder.connectionReturned(token, dataSource, connection, thrown);
    }
  }

  public static void connectionClosed(Object connection) {
    recorder.connectionClosed(connection);
  }

  public static void statementClosed(Object statement) {
    recorder.statementClosed(statement);
  }
}
