package dev.monitor.agent.endpoint;

import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.HistogramData;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.PrometheusNames;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /metrics} in Prometheus text format 0.0.4 or OpenMetrics 1.0, written by client_java's
 * own writers (shaded) from the agent's metric families: the same bytes a Prometheus client
 * library would serve, so every Prometheus version reads them as it reads its own clients'.
 * Reader side only; stateless.
 */
final class MetricsExposition {

  enum Format {
    TEXT(PrometheusTextFormatWriter.builder().build()),
    OPENMETRICS(OpenMetricsTextFormatWriter.builder().build());

    final ExpositionFormatWriter writer;

    Format(ExpositionFormatWriter writer) {
      this.writer = writer;
    }

    String contentType() {
      return writer.getContentType();
    }
  }

  private MetricsExposition() {}

  /**
   * OpenMetrics when {@code Accept} names {@code application/openmetrics-text} with a q above 0
   * (as Prometheus sends it), else text 0.0.4. {@code format} (the {@code ?format=} parameter,
   * {@code text} or {@code openmetrics}) wins, for scrapers that cannot set headers.
   */
  static Format negotiate(String accept, String format) {
    if (format != null) {
      return format.equalsIgnoreCase("openmetrics") ? Format.OPENMETRICS : Format.TEXT;
    }
    if (accept == null) {
      return Format.TEXT;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (!parts[0].trim().equalsIgnoreCase("application/openmetrics-text")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=")) {
          try {
            refused = Double.parseDouble(p.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (!refused) {
        return Format.OPENMETRICS;
      }
    }
    return Format.TEXT;
  }

  /**
   * The exposition of {@code families}, with a {@code target_info} for {@code resource}.
   *
   * @param names the {@code name[]} filter: a family is written when one of its sample names
   *     ({@code x}, {@code x_total}, {@code x_bucket}…) is listed; null writes all
   */
  static byte[] write(List<MetricFamily> families, Map<String, String> resource, Format format, Set<String> names) {
    List<MetricSnapshot> snapshots = new ArrayList<>(families.size() + 1);
    if (names == null || names.contains("target_info") || names.contains("target")) {
      snapshots.add(targetInfo(resource));
    }
    for (MetricFamily family : families) {
      if (family.points.isEmpty()) {
        continue;
      }
      String base = PrometheusNames.base(family.name, family.unit, family.kind);
      if (names != null && Collections.disjoint(names, PrometheusNames.sampleNames(base, family.kind))) {
        continue;
      }
      try {
        snapshots.add(snapshot(family, base));
      } catch (IllegalArgumentException e) {
        // a callback's points with colliding labels or a negative counter: that family only
        AgentLog.warnOnce("exposition " + family.name, "cannot expose " + family.name + "; it is left out", e);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      format.writer.write(out, new MetricSnapshots(snapshots), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static MetricSnapshot targetInfo(Map<String, String> resource) {
    String[] keys = new String[resource.size()];
    String[] values = new String[resource.size()];
    int i = 0;
    for (Map.Entry<String, String> attribute : resource.entrySet()) {
      keys[i] = PrometheusNames.sanitize(attribute.getKey());
      values[i++] = attribute.getValue();
    }
    return new InfoSnapshot(
        new MetricMetadata("target", "Target metadata"),
        Collections.singletonList(new InfoSnapshot.InfoDataPointSnapshot(Labels.of(keys, values))));
  }

  private static MetricSnapshot snapshot(MetricFamily family, String base) {
    MetricMetadata metadata = metadata(family, base);
    switch (family.kind) {
      case COUNTER:
        {
          List<CounterSnapshot.CounterDataPointSnapshot> points = new ArrayList<>(family.points.size());
          for (MetricPoint point : family.points) {
            points.add(new CounterSnapshot.CounterDataPointSnapshot(point.value, labels(point), null, 0L));
          }
          return new CounterSnapshot(metadata, points);
        }
      case HISTOGRAM:
        {
          List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>(family.points.size());
          for (MetricPoint point : family.points) {
            HistogramData h = point.histogram;
            double[] bounds = java.util.Arrays.copyOf(h.bounds, h.bounds.length + 1);
            bounds[h.bounds.length] = Double.POSITIVE_INFINITY;
            points.add(
                new HistogramSnapshot.HistogramDataPointSnapshot(
                    ClassicHistogramBuckets.of(bounds, h.counts), h.sum, labels(point), Exemplars.EMPTY, 0L));
          }
          return new HistogramSnapshot(metadata, points);
        }
      default:
        {
          List<GaugeSnapshot.GaugeDataPointSnapshot> points = new ArrayList<>(family.points.size());
          for (MetricPoint point : family.points) {
            points.add(new GaugeSnapshot.GaugeDataPointSnapshot(point.value, labels(point), null));
          }
          return new GaugeSnapshot(metadata, points);
        }
    }
  }

  private static MetricMetadata metadata(MetricFamily family, String base) {
    String unit = PrometheusNames.unitSuffix(family.unit, family.kind);
    String help = family.description == null ? "" : family.description;
    if (!unit.isEmpty() && base.endsWith("_" + unit)) {
      try {
        return new MetricMetadata(base, help, new Unit(unit));
      } catch (IllegalArgumentException e) {
        // a unit Prometheus cannot name: the name still carries it
      }
    }
    return new MetricMetadata(base, help);
  }

  private static Labels labels(MetricPoint point) {
    int present = 0;
    for (String value : point.values) {
      if (value != null) {
        present++;
      }
    }
    String[] keys = new String[present];
    String[] values = new String[present];
    int j = 0;
    for (int i = 0; i < point.keys.length; i++) {
      if (point.values[i] != null) {
        keys[j] = PrometheusNames.sanitize(point.keys[i]);
        values[j++] = point.values[i];
      }
    }
    return Labels.of(keys, values);
  }
}
