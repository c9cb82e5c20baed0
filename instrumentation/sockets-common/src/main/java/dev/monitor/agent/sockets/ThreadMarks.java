package dev.monitor.agent.sockets;

/**
 * One bounded cause per thread (why the disconnect or handshake failure about to be reported
 * happens), set by advice further up the stack. A one-slot array per thread, so marking never
 * allocates after a thread's first use.
 */
final class ThreadMarks {

  private static final ThreadLocal<String[]> MARK = ThreadLocal.withInitial(() -> new String[1]);

  private ThreadMarks() {}

  /** Sets the mark; returns the previous one. */
  static String set(String cause) {
    String[] slot = MARK.get();
    String previous = slot[0];
    slot[0] = cause;
    return previous;
  }

  static String get() {
    return MARK.get()[0];
  }

  /** Reads and clears the mark. */
  static String take() {
    return set(null);
  }
}
