package dev.monitor.bootstrap;

/**
 * What the JDBC advice reports, implemented by the agent. Types are {@code Object} because the
 * bootstrap class loader cannot see {@code java.sql}. Each {@code ...Started} method returns a
 * per-thread token that the advice hands back to the matching {@code ...Ended} method; nested
 * calls (a pool's proxy statement calling the driver's) share it, so only the outermost call is
 * recorded. Implementations never throw.
 */
public interface JdbcRecorder {

  Object executeStarted();

  void executeEnded(Object token, Object statement, String sql, boolean batch, Throwable thrown);

  Object statementStarted();

  void statementEnded(Object token, Object connection, String sql, Object statement);

  Object connectionRequested(Object dataSource);

  void connectionReturned(Object token, Object dataSource, Object connection, Throwable thrown);

  void connectionClosed(Object connection);

  /** A statement's {@code close()}: what the agent noted at its preparation can be dropped. */
  void statementClosed(Object statement);

  /** Records nothing: the state before the agent installs its recorder. */
  JdbcRecorder NOOP =
      new JdbcRecorder() {
        @Override
        public Object executeStarted() {
          return null;
        }

        @Override
        public void executeEnded(
            Object token, Object statement, String sql, boolean batch, Throwable thrown) {}

        @Override
        public Object statementStarted() {
          return null;
        }

        @Override
        public void statementEnded(Object token, Object connection, String sql, Object statement) {}

        @Override
        public Object connectionRequested(Object dataSource) {
          return null;
        }

        @Override
        public void connectionReturned(
            Object token, Object dataSource, Object connection, Throwable thrown) {}

        @Override
        public void connectionClosed(Object connection) {}

        @Override
        public void statementClosed(Object statement) {}
      };
}
