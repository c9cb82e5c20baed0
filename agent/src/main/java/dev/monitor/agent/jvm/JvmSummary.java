package dev.monitor.agent.jvm;

import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.agent.summary.SummaryFigures;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code jvm} part of {@code /metrics.json}, added up from the {@code jvm.*} series that
 * {@code /metrics} serves (so the two never disagree): heap and non-heap in use, the heap's
 * limit (the sum of the heap pools' limits, or their committed size when none has one), threads,
 * classes, recent CPU, collections and their time since start (from {@code jvm.gc.duration}),
 * and processors.
 */
final class JvmSummary {

  private static final List<String> SERIES =
      Arrays.asList(
          "jvm.memory.used", "jvm.memory.committed", "jvm.memory.limit", "jvm.thread.count", "jvm.class.count",
          "jvm.cpu.recent_utilization", "jvm.cpu.count", "jvm.gc.duration");

  private final MetricRegistry registry;

  JvmSummary(MetricRegistry registry) {
    this.registry = registry;
  }

  Map<String, Object> build() {
    Map<String, MetricFamily> families = new HashMap<>();
    for (MetricFamily family : registry.collect(SERIES)) {
      families.put(family.name, family);
    }
    long heapUsed = memory(families, "jvm.memory.used", "heap");
    long heapLimit = memory(families, "jvm.memory.limit", "heap");
    long heapMax = heapLimit > 0 ? heapLimit : memory(families, "jvm.memory.committed", "heap");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("heapUsedBytes", heapUsed);
    out.put("heapMaxBytes", heapMax);
    out.put("heapUsedRatio", SummaryFigures.ratio(heapUsed, heapMax));
    out.put("nonHeapUsedBytes", memory(families, "jvm.memory.used", "non_heap"));
    out.put("threads", (long) sum(families.get("jvm.thread.count"), null, null));
    out.put("daemonThreads", (long) sum(families.get("jvm.thread.count"), "jvm.thread.daemon", "true"));
    out.put("classesLoaded", (long) sum(families.get("jvm.class.count"), null, null));
    MetricFamily cpu = families.get("jvm.cpu.recent_utilization");
    out.put("cpuRecentUtilization",
        cpu == null || cpu.points.isEmpty() ? -1.0 : SummaryFigures.round(cpu.points.get(0).value, 4));
    long gcCount = 0;
    double gcSeconds = 0;
    MetricFamily gc = families.get("jvm.gc.duration");
    if (gc != null) {
      for (MetricPoint point : gc.points) {
        gcCount += point.histogram.count;
        gcSeconds += point.histogram.sum;
      }
    }
    out.put("gcCount", gcCount);
    out.put("gcTimeMs", Math.round(gcSeconds * 1000));
    out.put("availableProcessors", (long) sum(families.get("jvm.cpu.count"), null, null));
    return out;
  }

  private static long memory(Map<String, MetricFamily> families, String name, String type) {
    return (long) sum(families.get(name), "jvm.memory.type", type);
  }

  /** The sum of a family's points, or of those whose {@code key} is {@code value}. */
  private static double sum(MetricFamily family, String key, String value) {
    double sum = 0;
    if (family != null) {
      for (MetricPoint point : family.points) {
        if (key == null || value.equals(point.attribute(key))) {
          sum += point.value;
        }
      }
    }
    return sum;
  }
}
