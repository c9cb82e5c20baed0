package dev.monitor.agent.metrics;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency series, in seconds, since start and over the last minute; copied
 * out of the histograms at read time so it can be used after the harvest lock is released.
 */
public final class LatencySummary {

  public final String[] keys;
  public final String[] values;
  public final long count;
  public final double sumSeconds;
  public final double p50;
  public final double p95;
  public final double p99;
  public final double max;
  public final long recentCount;
  public final double recentSumSeconds;
  public final double recentP50;
  public final double recentP95;
  public final double recentP99;

  LatencySummary(
      String[] keys, String[] values, Histogram total, long totalSum, Histogram recent, long recentSum) {
    this.keys = keys;
    this.values = values;
    this.count = total.getTotalCount();
    this.sumSeconds = totalSum / 1e9;
    this.p50 = seconds(total, 50);
    this.p95 = seconds(total, 95);
    this.p99 = seconds(total, 99);
    this.max = count == 0 ? 0 : total.getMaxValue() / 1e9;
    this.recentCount = recent.getTotalCount();
    this.recentSumSeconds = recentSum / 1e9;
    this.recentP50 = seconds(recent, 50);
    this.recentP95 = seconds(recent, 95);
    this.recentP99 = seconds(recent, 99);
  }

  public String attribute(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  private static double seconds(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e9;
  }
}
