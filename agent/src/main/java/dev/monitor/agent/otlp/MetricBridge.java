package dev.monitor.agent.otlp;

import dev.monitor.agent.metrics.HistogramData;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableDoublePointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableGaugeData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableLongPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSumData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands the metric core to the OpenTelemetry SDK at each export: the SDK's periodic reader calls
 * {@link #produce}, which reads the same families {@code /metrics} reads (one recording feeds
 * both; nothing is recorded twice) and turns each into SDK metric data. Counters and histograms
 * are cumulative since the agent started, or, with {@code delta}, the change since the last
 * export ({@link DeltaState}); up-down counters and gauges are values now.
 *
 * <p>Counts travel as integers; seconds and ratios (unit {@code s} or {@code 1}) as doubles.
 * Called on the SDK's export thread only.
 */
final class MetricBridge implements MetricProducer {

  /** The instrumentation scope of every metric the agent exports. */
  static final String SCOPE = "dev.monitor";

  private final MetricRegistry registry;
  private final InstrumentationScopeInfo scope;
  private final long startEpochNanos;
  private final DeltaState delta;

  MetricBridge(MetricRegistry registry, String agentVersion, long startEpochNanos, boolean delta) {
    this.registry = registry;
    this.scope = InstrumentationScopeInfo.builder(SCOPE).setVersion(agentVersion).build();
    this.startEpochNanos = startEpochNanos;
    this.delta = delta ? new DeltaState(startEpochNanos) : null;
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    long now = System.currentTimeMillis() * 1_000_000L;
    List<MetricData> out = new ArrayList<>();
    for (MetricFamily family : registry.collect()) {
      if (family.points.isEmpty()) {
        continue;
      }
      MetricData data = convert(resource, family, now);
      if (data != null) {
        out.add(data);
      }
    }
    if (delta != null) {
      delta.exported(now);
    }
    return out;
  }

  private MetricData convert(Resource resource, MetricFamily family, long now) {
    boolean doubles = "s".equals(family.unit) || "1".equals(family.unit);
    switch (family.kind) {
      case HISTOGRAM:
        return ImmutableMetricData.createDoubleHistogram(
            resource, scope, family.name, family.description, family.unit,
            ImmutableHistogramData.create(temporality(), histogramPoints(family, now)));
      case COUNTER:
        return sum(resource, family, now, doubles, true, temporality());
      case UP_DOWN_COUNTER:
        return sum(resource, family, now, doubles, false, AggregationTemporality.CUMULATIVE);
      case GAUGE:
        return doubles
            ? ImmutableMetricData.createDoubleGauge(
                resource, scope, family.name, family.description, family.unit,
                ImmutableGaugeData.create(doublePoints(family, now, now, false)))
            : ImmutableMetricData.createLongGauge(
                resource, scope, family.name, family.description, family.unit,
                ImmutableGaugeData.create(longPoints(family, now, now, false)));
      default:
        return null;
    }
  }

  private AggregationTemporality temporality() {
    return delta == null ? AggregationTemporality.CUMULATIVE : AggregationTemporality.DELTA;
  }

  private MetricData sum(
      Resource resource, MetricFamily family, long now, boolean doubles, boolean monotonic,
      AggregationTemporality temporality) {
    boolean asDelta = monotonic && delta != null;
    long start = asDelta ? delta.lastExport() : startEpochNanos;
    if (doubles) {
      return ImmutableMetricData.createDoubleSum(
          resource, scope, family.name, family.description, family.unit,
          ImmutableSumData.create(monotonic, temporality, doublePoints(family, start, now, asDelta)));
    }
    return ImmutableMetricData.createLongSum(
        resource, scope, family.name, family.description, family.unit,
        ImmutableSumData.create(monotonic, temporality, longPoints(family, start, now, asDelta)));
  }

  private List<DoublePointData> doublePoints(MetricFamily family, long start, long now, boolean asDelta) {
    List<DoublePointData> points = new ArrayList<>(family.points.size());
    for (MetricPoint p : family.points) {
      double value = asDelta ? delta.sinceLast(family.name, p.values, p.value) : p.value;
      points.add(ImmutableDoublePointData.create(start, now, attributes(p), value));
    }
    return points;
  }

  private List<LongPointData> longPoints(MetricFamily family, long start, long now, boolean asDelta) {
    List<LongPointData> points = new ArrayList<>(family.points.size());
    for (MetricPoint p : family.points) {
      double value = asDelta ? delta.sinceLast(family.name, p.values, p.value) : p.value;
      points.add(ImmutableLongPointData.create(start, now, attributes(p), Math.round(value)));
    }
    return points;
  }

  private List<HistogramPointData> histogramPoints(MetricFamily family, long now) {
    List<HistogramPointData> points = new ArrayList<>(family.points.size());
    long start = delta != null ? delta.lastExport() : startEpochNanos;
    for (MetricPoint p : family.points) {
      HistogramData h = delta != null ? delta.sinceLast(family.name, p.values, p.histogram) : p.histogram;
      List<Double> bounds = new ArrayList<>(h.bounds.length);
      for (double b : h.bounds) {
        bounds.add(b);
      }
      List<Long> counts = new ArrayList<>(h.counts.length);
      for (long c : h.counts) {
        counts.add(c);
      }
      // min and max are not kept by the core's buckets: left out rather than guessed
      points.add(ImmutableHistogramPointData.create(start, now, attributes(p), h.sum, false, 0, false, 0, bounds, counts));
    }
    return points;
  }

  private static Attributes attributes(MetricPoint p) {
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i < p.keys.length; i++) {
      if (p.values[i] != null) {
        builder.put(p.keys[i], p.values[i]);
      }
    }
    return builder.build();
  }
}
