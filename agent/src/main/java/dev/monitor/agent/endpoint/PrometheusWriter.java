package dev.monitor.agent.endpoint;

import dev.monitor.agent.metrics.HistogramData;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text exposition format 0.0.4, with OpenTelemetry names translated the standard way:
 * {@code .} and other invalid characters become {@code _}, the unit becomes a suffix
 * ({@code s} → {@code _seconds}, {@code By} → {@code _bytes}, {@code 1} on a gauge → {@code
 * _ratio}, annotations like {@code {request}} are dropped), counters end in {@code _total}, and
 * up-down counters are gauges. A {@code target_info} gauge carries the service's resource.
 */
final class PrometheusWriter {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusWriter() {}

  static String write(List<MetricFamily> families, Map<String, String> resource) {
    StringBuilder out = new StringBuilder(16 * 1024);
    out.append("# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info");
    labels(resource.keySet().toArray(new String[0]), resource.values().toArray(new String[0]), null, null, out);
    out.append(" 1\n");
    for (MetricFamily family : families) {
      if (family.points.isEmpty()) {
        continue;
      }
      String name = name(family);
      String type = type(family.kind);
      out.append("# HELP ").append(name).append(' ');
      escapeHelp(family.description, out);
      out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
      for (MetricPoint point : family.points) {
        if (family.kind == MetricFamily.Kind.HISTOGRAM) {
          histogram(name, point, out);
        } else {
          out.append(name).append(family.kind == MetricFamily.Kind.COUNTER ? "_total" : "");
          labels(point.keys, point.values, null, null, out);
          out.append(' ').append(number(point.value)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** The metric family name without the counter's {@code _total}. */
  static String name(MetricFamily family) {
    String base = sanitize(family.name);
    String unit = unitSuffix(family.unit, family.kind);
    return unit.isEmpty() || base.endsWith("_" + unit) ? base : base + "_" + unit;
  }

  private static String type(MetricFamily.Kind kind) {
    switch (kind) {
      case COUNTER:
        return "counter";
      case HISTOGRAM:
        return "histogram";
      default:
        return "gauge";
    }
  }

  private static String unitSuffix(String unit, MetricFamily.Kind kind) {
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

  private static void histogram(String name, MetricPoint point, StringBuilder out) {
    HistogramData h = point.histogram;
    long cumulative = 0;
    for (int i = 0; i <= h.bounds.length; i++) {
      cumulative += h.counts[i];
      out.append(name).append("_bucket");
      labels(point.keys, point.values, "le", i < h.bounds.length ? number(h.bounds[i]) : "+Inf", out);
      out.append(' ').append(cumulative).append('\n');
    }
    out.append(name).append("_sum");
    labels(point.keys, point.values, null, null, out);
    out.append(' ').append(number(h.sum)).append('\n');
    out.append(name).append("_count");
    labels(point.keys, point.values, null, null, out);
    out.append(' ').append(h.count).append('\n');
  }

  private static void labels(
      String[] keys, String[] values, String extraKey, String extraValue, StringBuilder out) {
    boolean open = false;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] == null) {
        continue;
      }
      out.append(open ? ',' : '{');
      open = true;
      out.append(sanitize(keys[i])).append("=\"");
      escapeLabel(values[i], out);
      out.append('"');
    }
    if (extraKey != null) {
      out.append(open ? ',' : '{').append(extraKey).append("=\"").append(extraValue).append('"');
      open = true;
    }
    if (open) {
      out.append('}');
    }
  }

  static String sanitize(String name) {
    StringBuilder s = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      s.append(valid ? c : '_');
    }
    return s.toString();
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static void escapeLabel(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
  }

  private static void escapeHelp(String help, StringBuilder out) {
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
  }
}
