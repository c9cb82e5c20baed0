package dev.monitor.instrumentation.lettuce;

import dev.monitor.bootstrap.RedisBridge;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** Reports the end of a command; the agent ignores objects it did not see dispatched. */
final class CompletionAdvice {

  private CompletionAdvice() {}

  static final class Complete {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This RedisCommand<?, ?, ?> command) {
      CommandOutput<?, ?, ?> output = command.getOutput();
      RedisBridge.lettuceCompleted(command, output == null ? null : output.getError(), null, false);
    }
  }

  static final class Fail {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object command, @Advice.Argument(0) Throwable failure) {
      RedisBridge.lettuceCompleted(command, null, failure, false);
    }
  }

  static final class Cancel {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object command) {
      RedisBridge.lettuceCompleted(command, null, null, true);
    }
  }
}
