package dev.monitor.it;

/** A ratio rounded as /metrics.json rounds it (4 digits). */
final class MetricsRatio {

  private MetricsRatio() {}

  static double of(long part, long whole) {
    return Math.round(part / (double) whole * 10_000) / 10_000.0;
  }
}
