package dev.monitor.instrumentation.jdbc;

import dev.monitor.bootstrap.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Advice for {@code java.sql.Connection} implementations. */
final class ConnectionAdvice {

  private ConnectionAdvice() {}

  static final class Prepare {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
      return JdbcBridge.statementStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object token,
        @Advice.This Object connection,
        @Advice.Argument(0) String sql,
        @Advice.Return Object statement) {
      JdbcBridge.statementEnded(token, connection, sql, statement);
    }
  }

  static final class Create {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
      return JdbcBridge.statementStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object token,
        @Advice.This Object connection,
        @Advice.Return Object statement) {
      JdbcBridge.statementEnded(token, connection, null, statement);
    }
  }

  static final class Close {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object connection) {
      JdbcBridge.connectionClosed(connection);
    }
  }
}
