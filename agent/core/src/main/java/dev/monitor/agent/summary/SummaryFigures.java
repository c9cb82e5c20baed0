package dev.monitor.agent.summary;

import dev.monitor.agent.metrics.LatencySummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** How every part of {@code /metrics.json} writes its figures: milliseconds, ratios, rounding. */
public final class SummaryFigures {

  private SummaryFigures() {}

  /** Average, p50/p95/p99 and max in milliseconds, with the last minute's p95; empty for no values. */
  public static Map<String, Object> latency(LatencySummary s) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (s == null || s.count == 0) {
      return out;
    }
    out.put("avg", ms(s.sumSeconds / s.count));
    out.put("p50", ms(s.p50));
    out.put("p95", ms(s.p95));
    out.put("p99", ms(s.p99));
    out.put("max", ms(s.max));
    out.put("lastMinuteP95", s.recentCount == 0 ? null : ms(s.recentP95));
    return out;
  }

  /** {@code part / whole} to four digits; 0 when there is no whole. */
  public static double ratio(long part, long whole) {
    return whole <= 0 ? 0 : round(part / (double) whole, 4);
  }

  public static double ms(double seconds) {
    return round(seconds * 1000, 3);
  }

  public static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
