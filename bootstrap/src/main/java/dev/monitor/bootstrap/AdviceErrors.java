package dev.monitor.bootstrap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where advice sends a {@link Throwable} it suppressed (Byte Buddy's exception handler calls
 * {@link #suppressed}), so a failure inside the agent is counted and logged instead of vanishing,
 * and never reaches the application. Thread-safe.
 */
public final class AdviceErrors {

  private static final AtomicLong COUNT = new AtomicLong();
  private static volatile Consumer<Throwable> listener;

  private AdviceErrors() {}

  /** Called by the agent once at start. */
  public static void listen(Consumer<Throwable> installed) {
    listener = installed;
  }

  /** Called from inlined advice with the suppressed throwable; must itself never throw. */
  public static void suppressed(Throwable error) {
    COUNT.incrementAndGet();
    Consumer<Throwable> current = listener;
    if (current != null) {
      try {
        current.accept(error);
      } catch (Throwable ignored) {
        // nothing may leave this method
      }
    }
  }

  public static long count() {
    return COUNT.get();
  }
}
