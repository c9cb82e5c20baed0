package dev.monitor.agent.metrics;

/**
 * One series at one read: attribute keys and values (a null value means the attribute is absent)
 * and either a number or histogram data. Immutable.
 */
public final class MetricPoint {

  public final String[] keys;
  public final String[] values;
  public final double value;
  /** Null unless the family is a histogram. */
  public final HistogramData histogram;

  public MetricPoint(String[] keys, String[] values, double value) {
    this(keys, values, value, null);
  }

  public MetricPoint(String[] keys, String[] values, HistogramData histogram) {
    this(keys, values, Double.NaN, histogram);
  }

  private MetricPoint(String[] keys, String[] values, double value, HistogramData histogram) {
    this.keys = keys;
    this.values = values;
    this.value = value;
    this.histogram = histogram;
  }

  /** The value of attribute {@code key}, or null. */
  public String attribute(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }
}
