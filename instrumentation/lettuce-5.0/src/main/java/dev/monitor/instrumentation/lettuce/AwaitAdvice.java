package dev.monitor.instrumentation.lettuce;

import dev.monitor.bootstrap.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Marks the calling thread as waiting in {@code awaitOrCancel}. */
final class AwaitAdvice {

  private AwaitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static boolean enter() {
    return RedisBridge.lettuceAwaitStarted();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter boolean previous) {
    RedisBridge.lettuceAwaitEnded(previous);
  }
}
