package dev.monitor.agent.otlp;

import dev.monitor.agent.metrics.HistogramData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For delta temporality: each counter's and histogram's values at the last export, so the next
 * export sends what changed since. Keyed by metric name and attribute values; bounded by the
 * core's series limits. Used by the export thread only.
 */
final class DeltaState {

  private final Map<List<String>, Double> lastValues = new HashMap<>();
  private final Map<List<String>, HistogramData> lastHistograms = new HashMap<>();
  private long lastExportNanos;

  DeltaState(long startEpochNanos) {
    this.lastExportNanos = startEpochNanos;
  }

  long lastExport() {
    return lastExportNanos;
  }

  void exported(long nowNanos) {
    lastExportNanos = nowNanos;
  }

  double sinceLast(String metric, String[] attributeValues, double value) {
    Double previous = lastValues.put(key(metric, attributeValues), value);
    return previous == null ? value : Math.max(0, value - previous);
  }

  HistogramData sinceLast(String metric, String[] attributeValues, HistogramData now) {
    HistogramData previous = lastHistograms.put(key(metric, attributeValues), now);
    if (previous == null || previous.counts.length != now.counts.length) {
      return now;
    }
    long[] counts = new long[now.counts.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.max(0, now.counts[i] - previous.counts[i]);
    }
    return new HistogramData(Math.max(0, now.count - previous.count), Math.max(0, now.sum - previous.sum), now.bounds, counts);
  }

  private static List<String> key(String metric, String[] values) {
    String[] key = Arrays.copyOf(values, values.length + 1);
    key[values.length] = metric;
    return Arrays.asList(key);
  }
}
