package dev.monitor.agent.metrics;

import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A metric read from the JVM or a library at scrape time (memory, threads, CPU). A callback that
 * throws yields no points for that read and warns once, then only at debug.
 */
public final class CallbackMetric implements Instrument {

  /** Adds the current points of the metric. */
  public interface Reader {
    void read(List<MetricPoint> points);
  }

  private final String name;
  private final String description;
  private final String unit;
  private final MetricFamily.Kind kind;
  private final Reader reader;

  public CallbackMetric(
      String name, String description, String unit, MetricFamily.Kind kind, Reader reader) {
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.kind = kind;
    this.reader = reader;
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
    return kind;
  }

  /** Null: each read's points name their own attributes. */
  @Override
  public String[] keys() {
    return null;
  }

  @Override
  public MetricFamily collect(long nowMillis) {
    List<MetricPoint> points = new ArrayList<>();
    try {
      reader.read(points);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("metric " + name, "cannot read metric " + name, e);
      points = Collections.emptyList();
    }
    return new MetricFamily(name, description, unit, kind, points);
  }
}
