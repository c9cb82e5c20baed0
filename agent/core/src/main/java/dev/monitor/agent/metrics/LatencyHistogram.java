package dev.monitor.agent.metrics;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A duration histogram instrument (unit seconds) whose series are {@link LatencySeries}. The
 * Prometheus and OTLP buckets are derived from the HdrHistogram on the reader side: each
 * recorded value is placed by the middle of its 1% HdrHistogram bucket, so a value within 1% of
 * a boundary may fall on either side of it.
 */
public final class LatencyHistogram implements Instrument {

  /** OpenTelemetry semantic-convention advice for HTTP and database durations, in seconds. */
  public static final double[] DEFAULT_BOUNDS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  private final String name;
  private final String description;
  private final String[] keys;
  private final double[] bounds;
  private final long[] boundsNanos;
  private final SeriesTable<LatencySeries> series;

  public LatencyHistogram(String name, String description, String[] keys, int seriesLimit) {
    this(name, description, keys, seriesLimit, DEFAULT_BOUNDS);
  }

  public LatencyHistogram(
      String name, String description, String[] keys, int seriesLimit, double[] bounds) {
    this.name = name;
    this.description = description;
    this.keys = keys.clone();
    this.bounds = bounds.clone();
    this.boundsNanos = new long[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      boundsNanos[i] = Math.round(bounds[i] * 1e9);
    }
    this.series = new SeriesTable<>(name, keys, seriesLimit, values -> new LatencySeries());
  }

  private final org.HdrHistogram.Histogram scratch = LatencySeries.newScratch();

  public SeriesTable<LatencySeries> series() {
    return series;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String unit() {
    return "s";
  }

  @Override
  public MetricFamily.Kind kind() {
    return MetricFamily.Kind.HISTOGRAM;
  }

  @Override
  public String[] keys() {
    return keys.clone();
  }

  @Override
  public void harvest(long nowMillis) {
    // one scratch histogram per instrument rather than per series: harvests of an instrument
    // never overlap (the registry's harvest lock)
    synchronized (scratch) {
      series.forEach((values, s) -> s.harvest(nowMillis, scratch));
    }
  }

  @Override
  public MetricFamily collect(long nowMillis) {
    List<MetricPoint> points = new ArrayList<>();
    series.forEach(
        (values, s) -> {
          Histogram h = s.cumulative();
          if (h.getTotalCount() > 0) {
            points.add(new MetricPoint(keys, values, toBuckets(h, s.cumulativeSumNanos())));
          }
        });
    return new MetricFamily(name, description, "s", MetricFamily.Kind.HISTOGRAM, points);
  }

  /**
   * Summaries for people (JSON): percentiles since start and over the last minute, with the
   * series merged by the values of {@code groupBy} (no keys: one summary of everything).
   */
  public List<LatencySummary> summarize(long nowMillis, String... groupBy) {
    return summarize(nowMillis, values -> true, groupBy);
  }

  /**
   * A test of one attribute of a series, for {@link #summarize(long, java.util.function.Predicate,
   * String...)}: this histogram may hold several kinds of client (JDBC and Redis share
   * {@code db.client.operation.duration}).
   */
  public java.util.function.Predicate<String[]> where(String key, java.util.function.Predicate<String> test) {
    int position = java.util.Arrays.asList(keys).indexOf(key);
    return values -> test.test(position < 0 ? null : values[position]);
  }

  /** As {@link #summarize(long, String...)}, over the series that {@code include} accepts. */
  public List<LatencySummary> summarize(
      long nowMillis, java.util.function.Predicate<String[]> include, String... groupBy) {
    int[] positions = new int[groupBy.length];
    for (int g = 0; g < groupBy.length; g++) {
      positions[g] = java.util.Arrays.asList(keys).indexOf(groupBy[g]);
    }
    java.util.Map<List<String>, Group> groups = new java.util.LinkedHashMap<>();
    series.forEach(
        (values, s) -> {
          if (!include.test(values)) {
            return;
          }
          List<String> groupValues = new ArrayList<>(groupBy.length);
          for (int position : positions) {
            groupValues.add(position < 0 ? null : values[position]);
          }
          Group group = groups.computeIfAbsent(groupValues, v -> new Group());
          group.total.add(s.cumulative());
          group.totalSum += s.cumulativeSumNanos();
          group.recentSum += s.window().mergeInto(group.recent, nowMillis);
        });
    List<LatencySummary> summaries = new ArrayList<>(groups.size());
    for (java.util.Map.Entry<List<String>, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      summaries.add(
          new LatencySummary(
              groupBy, e.getKey().toArray(new String[0]), g.total, g.totalSum, g.recent, g.recentSum));
    }
    return summaries;
  }

  /** Merged histograms of the series that share the grouped attribute values. */
  private static final class Group {
    final Histogram total = new Histogram(LatencySeries.SIGNIFICANT_DIGITS);
    final Histogram recent = new Histogram(LatencySeries.SIGNIFICANT_DIGITS);
    long totalSum;
    long recentSum;
  }

  private HistogramData toBuckets(Histogram h, long sumNanos) {
    long[] counts = new long[bounds.length + 1];
    for (HistogramIterationValue v : h.recordedValues()) {
      long value = h.medianEquivalentValue(v.getValueIteratedTo());
      int i = 0;
      while (i < boundsNanos.length && value > boundsNanos[i]) {
        i++;
      }
      counts[i] += v.getCountAtValueIteratedTo();
    }
    return new HistogramData(h.getTotalCount(), sumNanos / 1e9, bounds, counts);
  }
}
