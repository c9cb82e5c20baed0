package dev.monitor.instrumentation.lettuce;

import dev.monitor.bootstrap.RedisBridge;
import io.lettuce.core.protocol.RedisCommand;
import java.util.Collection;
import net.bytebuddy.asm.Advice;

/**
 * Reports a command as dispatched before it is written, so a completion on the event loop can
 * never come first. A dispatch that throws (a closed connection) completes it as failed.
 */
final class DispatchAdvice {

  private DispatchAdvice() {}

  static final class One {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object connection, @Advice.Argument(0) RedisCommand<?, ?, ?> command) {
      RedisBridge.lettuceDispatched(connection, command, command.getType());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Argument(0) RedisCommand<?, ?, ?> command, @Advice.Thrown Throwable thrown) {
      if (thrown != null) {
        RedisBridge.lettuceCompleted(command, null, thrown, false);
      }
    }
  }

  static final class Many {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object connection, @Advice.Argument(0) Collection<?> commands) {
      for (Object command : commands) {
        RedisBridge.lettuceDispatched(connection, command, ((RedisCommand<?, ?, ?>) command).getType());
      }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Argument(0) Collection<?> commands, @Advice.Thrown Throwable thrown) {
      if (thrown != null) {
        for (Object command : commands) {
          RedisBridge.lettuceCompleted(command, null, thrown, false);
        }
      }
    }
  }
}
