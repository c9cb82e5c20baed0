package dev.monitor.instrumentation.jedis;

import dev.monitor.bootstrap.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Times a borrow from a Jedis pool. */
final class PoolAdvice {

  private PoolAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long start,
      @Advice.This Object pool,
      @Advice.Return Object resource,
      @Advice.Thrown Throwable thrown) {
    RedisBridge.jedisBorrowed(pool, resource, start, thrown);
  }
}
