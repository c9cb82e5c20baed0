package dev.monitor.agent.jvm;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;

/**
 * Heap pressure. The status looks at what the heap holds right after a collection (live data),
 * not at the current use, which normally climbs toward the maximum between collections: DEGRADED
 * when a heap pool is still {@value #DEGRADED_RATIO} full after GC.
 */
public final class MemoryCheck implements HealthCheck {

  static final double DEGRADED_RATIO = 0.90;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Kind kind() {
    return Kind.RESOURCE;
  }

  @Override
  public HealthStatus check(Map<String, Object> details) {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    details.put("heapUsedBytes", heap.getUsed());
    details.put("heapCommittedBytes", heap.getCommitted());
    details.put("heapMaxBytes", max);
    details.put("heapUsedRatio", ratio(heap.getUsed(), max));
    details.put("nonHeapUsedBytes", nonHeap.getUsed());
    double afterGc = heapUsedAfterGcRatio();
    details.put("heapUsedAfterGcRatio", afterGc);
    details.put("degradedAtAfterGcRatio", DEGRADED_RATIO);
    return afterGc >= DEGRADED_RATIO ? HealthStatus.DEGRADED : HealthStatus.UP;
  }

  /** The fullest heap pool right after its last collection, over its maximum (0 before any GC). */
  public static double heapUsedAfterGcRatio() {
    double afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage collected = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && collected != null && collected.getMax() > 0) {
        afterGc = Math.max(afterGc, ratio(collected.getUsed(), collected.getMax()));
      }
    }
    return afterGc;
  }

  private static double ratio(long part, long whole) {
    return whole <= 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
  }
}
