package dev.monitor.agent.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenTelemetry names translated to Prometheus names the standard way: {@code .} and other
 * invalid characters become {@code _}, the unit becomes a suffix ({@code s} → {@code _seconds},
 * {@code By} → {@code _bytes}, {@code 1} on a gauge → {@code _ratio}; annotations like
 * {@code {request}} are dropped). Counters get {@code _total} from the writer, so the base name
 * here never carries it. Stateless.
 */
public final class PrometheusNames {

  private PrometheusNames() {}

  /** The family's base name: without the counter's {@code _total}, with the unit suffix. */
  public static String base(String name, String unit, MetricFamily.Kind kind) {
    String base = sanitize(name);
    String suffix = unitSuffix(unit, kind);
    return suffix.isEmpty() || base.endsWith("_" + suffix) ? base : base + "_" + suffix;
  }

  /** The Prometheus unit name of an OpenTelemetry unit, or empty. */
  public static String unitSuffix(String unit, MetricFamily.Kind kind) {
    if (unit == null || unit.isEmpty() || unit.startsWith("{")) {
      return "";
    }
    switch (unit) {
      case "s":
        return "seconds";
      case "ms":
        return "milliseconds";
      case "By":
        return "bytes";
      case "1":
        return kind == MetricFamily.Kind.GAUGE ? "ratio" : "";
      default:
        return sanitize(unit);
    }
  }

  /**
   * Every name a family's samples use in the text formats: a counter's {@code _total} (and
   * OpenMetrics' {@code _created}), a histogram's {@code _bucket}, {@code _sum} and {@code _count}.
   * Two families collide when these sets meet.
   */
  public static List<String> sampleNames(String base, MetricFamily.Kind kind) {
    List<String> names = new ArrayList<>(4);
    names.add(base);
    if (kind == MetricFamily.Kind.COUNTER) {
      names.add(base + "_total");
      names.add(base + "_created");
    } else if (kind == MetricFamily.Kind.HISTOGRAM) {
      names.add(base + "_bucket");
      names.add(base + "_sum");
      names.add(base + "_count");
      names.add(base + "_created");
    }
    return names;
  }

  /** A metric or label name with every character outside {@code [a-zA-Z_0-9]} (a leading digit too) as {@code _}. */
  public static String sanitize(String name) {
    StringBuilder s = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      s.append(valid ? c : '_');
    }
    return s.length() == 0 ? "_" : s.toString();
  }
}
