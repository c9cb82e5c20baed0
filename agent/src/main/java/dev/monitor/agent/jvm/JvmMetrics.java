package dev.monitor.agent.jvm;

import dev.monitor.agent.metrics.CallbackMetric;
import dev.monitor.agent.metrics.MetricFamily.Kind;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * JVM metrics under their OpenTelemetry semantic-convention names, read from the platform
 * MXBeans at scrape time (nothing runs between scrapes). GC durations come from {@link
 * GcDurations}, which listens to GC notifications.
 */
public final class JvmMetrics {

  private static final String[] POOL_KEYS = {"jvm.memory.type", "jvm.memory.pool.name"};
  private static final String[] NO_KEYS = {};

  private JvmMetrics() {}

  public static void register(MetricRegistry registry, int seriesLimit, ProcessCpu cpu) {
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    registry.register(
        new CallbackMetric(
            "jvm.memory.used", "Measure of memory used.", "By", Kind.UP_DOWN_COUNTER,
            points -> pools(pools, points, MemoryUsage::getUsed)));
    registry.register(
        new CallbackMetric(
            "jvm.memory.committed", "Measure of memory committed.", "By", Kind.UP_DOWN_COUNTER,
            points -> pools(pools, points, MemoryUsage::getCommitted)));
    registry.register(
        new CallbackMetric(
            "jvm.memory.limit", "Measure of max obtainable memory.", "By", Kind.UP_DOWN_COUNTER,
            points -> pools(pools, points, MemoryUsage::getMax)));
    // the heap a collection could not free: what the memory alert rule and MemoryCheck judge
    registry.register(
        new CallbackMetric(
            "jvm.memory.used_after_last_gc",
            "Measure of memory used, as measured after the most recent garbage collection event on this pool.",
            "By", Kind.UP_DOWN_COUNTER,
            points -> pools(pools, points, null)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    registry.register(
        new CallbackMetric(
            "jvm.thread.count", "Number of executing platform threads.", "{thread}",
            Kind.UP_DOWN_COUNTER,
            points -> {
              int daemon = threads.getDaemonThreadCount();
              String[] keys = {"jvm.thread.daemon"};
              points.add(new MetricPoint(keys, new String[] {"true"}, daemon));
              points.add(new MetricPoint(keys, new String[] {"false"}, threads.getThreadCount() - daemon));
            }));
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    registry.register(
        new CallbackMetric(
            "jvm.class.count", "Number of classes currently loaded.", "{class}",
            Kind.UP_DOWN_COUNTER,
            points -> points.add(new MetricPoint(NO_KEYS, NO_KEYS, classes.getLoadedClassCount()))));
    registry.register(
        new CallbackMetric(
            "jvm.cpu.time", "CPU time used by the process as reported by the JVM.", "s",
            Kind.COUNTER,
            points -> {
              long nanos = cpu.processCpuTimeNanos();
              if (nanos >= 0) {
                points.add(new MetricPoint(NO_KEYS, NO_KEYS, nanos / 1e9));
              }
            }));
    registry.register(
        new CallbackMetric(
            "jvm.cpu.recent_utilization",
            "Recent CPU utilization for the process as reported by the JVM.", "1", Kind.GAUGE,
            points -> {
              double load = cpu.processCpuLoad();
              if (load >= 0) {
                points.add(new MetricPoint(NO_KEYS, NO_KEYS, load));
              }
            }));
    registry.register(
        new CallbackMetric(
            "jvm.cpu.count", "Number of processors available to the JVM.", "{cpu}",
            Kind.UP_DOWN_COUNTER,
            points ->
                points.add(
                    new MetricPoint(NO_KEYS, NO_KEYS, Runtime.getRuntime().availableProcessors()))));
    GcDurations.register(registry, seriesLimit);
  }

  private interface UsageValue {
    long of(MemoryUsage usage);
  }

  /** {@code value} of each pool's usage now, or (null) the bytes used after its last collection. */
  private static void pools(List<MemoryPoolMXBean> pools, List<MetricPoint> points, UsageValue value) {
    for (MemoryPoolMXBean pool : pools) {
      MemoryUsage usage = value == null ? pool.getCollectionUsage() : pool.getUsage();
      if (usage == null || !pool.isValid()) {
        continue;
      }
      long v = value == null ? usage.getUsed() : value.of(usage);
      if (v >= 0) {
        String type = pool.getType() == MemoryType.HEAP ? "heap" : "non_heap";
        points.add(new MetricPoint(POOL_KEYS, new String[] {type, pool.getName()}, v));
      }
    }
  }
}
