package dev.monitor.instrumentation.jdbc;

import dev.monitor.bootstrap.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Advice for {@code DataSource.getConnection}; only the outermost call on a thread counts. */
final class DataSourceAdvice {

  private DataSourceAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.This Object dataSource) {
    return JdbcBridge.connectionRequested(dataSource);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object token,
      @Advice.This Object dataSource,
      @Advice.Return Object connection,
      @Advice.Thrown Throwable thrown) {
    JdbcBridge.connectionReturned(token, dataSource, connection, thrown);
  }
}
