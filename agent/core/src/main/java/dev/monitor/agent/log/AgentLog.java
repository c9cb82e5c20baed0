package dev.monitor.agent.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own log: one line per event on standard error, prefixed {@code [monitor]}, so it
 * never mixes with (or depends on) the application's logging framework. Thread-safe.
 */
public final class AgentLog {

  private static volatile boolean debug = Boolean.getBoolean("monitor.debug");
  private static final Set<String> ONCE = ConcurrentHashMap.newKeySet();
  private static final PrintStream OUT = System.err;

  private AgentLog() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean isDebug() {
    return debug;
  }

  public static void info(String message) {
    write("INFO", message, null);
  }

  public static void warn(String message) {
    write("WARN", message, null);
  }

  public static void warn(String message, Throwable error) {
    write("WARN", message, error);
  }

  public static void debug(String message) {
    if (debug) {
      write("DEBUG", message, null);
    }
  }

  /**
   * Warns the first time {@code key} is seen and logs at debug after that: a gauge or check that
   * keeps failing must not flood the application's log.
   */
  public static void warnOnce(String key, String message, Throwable error) {
    if (ONCE.add(key)) {
      write("WARN", message + " (further occurrences are logged at debug)", error);
    } else if (debug) {
      write("DEBUG", message, error);
    }
  }

  /**
   * Appends {@code text} with control characters written as {@code \\xNN} (or {@code \\uNNNN}):
   * a setting's value or a path may carry escape sequences or line breaks, which must not
   * rewrite the operator's terminal or forge log lines.
   */
  static void appendPrintable(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      } else if ((c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
  }

  private static void write(String level, String message, Throwable error) {
    StringBuilder line = new StringBuilder(96);
    line.append(Instant.now()).append(" [monitor] ").append(level).append(' ');
    appendPrintable(line, message);
    if (error != null) {
      line.append(": ");
      appendPrintable(line, String.valueOf(error));
    }
    OUT.println(line);
    if (error != null && debug) {
      error.printStackTrace(OUT);
    }
  }
}
