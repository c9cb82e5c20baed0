package dev.monitor.agent.metrics;

/**
 * Explicit-bucket histogram data as OpenTelemetry defines it: {@code counts[i]} values fell in
 * {@code (bounds[i-1], bounds[i]]}, the last count above the last bound. Units are the
 * instrument's (seconds). Immutable by convention: the arrays are never changed after creation.
 */
public final class HistogramData {

  public final long count;
  public final double sum;
  public final double[] bounds;
  public final long[] counts;

  public HistogramData(long count, double sum, double[] bounds, long[] counts) {
    this.count = count;
    this.sum = sum;
    this.bounds = bounds;
    this.counts = counts;
  }
}
