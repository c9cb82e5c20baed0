package dev.monitor.agent.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A monotonic counter, or with {@code upDown} an up-down counter (a gauge that writers move,
 * such as active requests). Each series is a {@link LongAdder}: contention-free writes, summed
 * by the reader.
 */
public final class Counter implements Instrument {

  private final String name;
  private final String description;
  private final String unit;
  private final boolean upDown;
  private final String[] keys;
  private final SeriesTable<LongAdder> series;

  public Counter(
      String name, String description, String unit, boolean upDown, String[] keys, int seriesLimit) {
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.upDown = upDown;
    this.keys = keys.clone();
    this.series = new SeriesTable<>(name, keys, seriesLimit, values -> new LongAdder());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String unit() {
    return unit;
  }

  @Override
  public MetricFamily.Kind kind() {
    return upDown ? MetricFamily.Kind.UP_DOWN_COUNTER : MetricFamily.Kind.COUNTER;
  }

  @Override
  public String[] keys() {
    return keys.clone();
  }

  public SeriesTable<LongAdder> series() {
    return series;
  }

  /** The sum over every series. Reader side. */
  public long total() {
    long[] sum = new long[1];
    series.forEach((values, adder) -> sum[0] += adder.sum());
    return sum[0];
  }

  /** The current value of every series. Reader side. */
  public List<MetricPoint> points() {
    return collect(System.currentTimeMillis()).points;
  }

  @Override
  public MetricFamily collect(long nowMillis) {
    List<MetricPoint> points = new ArrayList<>();
    series.forEach((values, adder) -> points.add(new MetricPoint(keys, values, adder.sum())));
    return new MetricFamily(
        name,
        description,
        unit,
        upDown ? MetricFamily.Kind.UP_DOWN_COUNTER : MetricFamily.Kind.COUNTER,
        points);
  }
}
