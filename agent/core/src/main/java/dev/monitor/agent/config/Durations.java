package dev.monitor.agent.config;

import java.time.Duration;

/** Parses the durations settings use: {@code 250ms}, {@code 5s}, {@code 1m}, {@code 2h}; a bare number is milliseconds. */
final class Durations {

  private Durations() {}

  /** Returns null when the text is not a duration. */
  static Duration parse(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    int unitStart = 0;
    while (unitStart < s.length() && Character.isDigit(s.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart > 15) {
      return null;
    }
    long amount = Long.parseLong(s.substring(0, unitStart));
    switch (s.substring(unitStart).trim()) {
      case "":
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return null;
    }
  }

  /** The shortest way to write {@code d} that {@link #parse} reads back: {@code 5s}, {@code 100ms}, {@code 1m}. */
  static String format(Duration d) {
    long millis = d.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
