package dev.monitor.agent.metrics;

import java.util.List;

/**
 * One metric as read at a scrape or export: its OpenTelemetry name, unit and kind, and its
 * points. Immutable; built on the reader side and handed to the Prometheus and JSON writers.
 */
public final class MetricFamily {

  /** Prometheus and OTLP both need to know which. */
  public enum Kind {
    COUNTER,
    UP_DOWN_COUNTER,
    GAUGE,
    HISTOGRAM
  }

  public final String name;
  public final String description;
  /** UCUM, as OpenTelemetry writes it: {@code s}, {@code By}, {@code 1}, {@code {request}}. */
  public final String unit;
  public final Kind kind;
  public final List<MetricPoint> points;

  public MetricFamily(String name, String description, String unit, Kind kind, List<MetricPoint> points) {
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.kind = kind;
    this.points = points;
  }
}
