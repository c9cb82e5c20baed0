package dev.monitor.instrumentation.jdbc;

import dev.monitor.bootstrap.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Advice for statement execution; only the outermost call on a thread is recorded. */
final class StatementAdvice {

  private StatementAdvice() {}

  /** {@code execute(String sql, ...)}: the SQL is the argument. */
  static final class ExecuteSql {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
      return JdbcBridge.executeStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object token,
        @Advice.This Object statement,
        @Advice.Argument(0) String sql,
        @Advice.Thrown Throwable thrown) {
      JdbcBridge.executeEnded(token, statement, sql, false, thrown);
    }
  }

  /** {@code executeQuery()} etc. on a prepared statement: the SQL was given when preparing. */
  static final class ExecutePrepared {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
      return JdbcBridge.executeStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object token, @Advice.This Object statement, @Advice.Thrown Throwable thrown) {
      JdbcBridge.executeEnded(token, statement, null, false, thrown);
    }
  }

  /** {@code close()}: forget the statement (a pool's proxy and the driver's own both say so). */
  static final class Close {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object statement) {
      JdbcBridge.statementClosed(statement);
    }
  }

  /** {@code executeBatch()}: one operation for the whole batch. */
  static final class ExecuteBatch {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
      return JdbcBridge.executeStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object token, @Advice.This Object statement, @Advice.Thrown Throwable thrown) {
      JdbcBridge.executeEnded(token, statement, null, true, thrown);
    }
  }
}
