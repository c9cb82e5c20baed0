package dev.monitor.agent.jvm;

import dev.monitor.agent.library.AlertSignal;
import dev.monitor.agent.library.Library;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.Map;

/**
 * The JVM and its host: the {@code jvm.*} instruments, the thread, memory, CPU and disk health
 * checks, the {@code jvm} part of {@code /metrics.json}, and the memory and CPU signals of the
 * alert rules. Nothing to install in premain: everything starts with {@link #start}.
 */
public final class JvmLibrary implements Library {

  /** Heap in use right after the last collection, over the heap's maximum. */
  public static final String MEMORY_AFTER_GC = "jvm.memory-after-gc";
  /** The process's recent CPU use, 0 to 1 of the machine. */
  public static final String CPU = "jvm.cpu";

  private volatile MetricRegistry registry;
  private volatile ProcessCpu cpu;

  @Override
  public String name() {
    return "jvm";
  }

  @Override
  public void install(LibraryContext context) {
    registry = context.registry();
  }

  @Override
  public void start(LibraryContext context) {
    ProcessCpu processCpu = ProcessCpu.create();
    JvmMetrics.register(context.registry(), context.seriesLimit(), processCpu);
    context.registerHealth(new ThreadCheck());
    context.registerHealth(new MemoryCheck());
    context.registerHealth(new CpuCheck(processCpu));
    context.registerHealth(new DiskCheck());
    cpu = processCpu;
  }

  @Override
  public String summaryKey() {
    return "jvm";
  }

  @Override
  public Map<String, Object> summary() {
    return new JvmSummary(registry).build();
  }

  @Override
  public void historySeries(Map<String, java.util.function.Supplier<Double>> series) {
    java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    series.put("jvm.heap.used", () -> (double) memory.getHeapMemoryUsage().getUsed());
    series.put("jvm.heap.after_gc_ratio", MemoryCheck::heapUsedAfterGcRatio);
    series.put("jvm.cpu", this::cpuLoad);
    series.put("jvm.threads", () -> (double) threads.getThreadCount());
    // milliseconds spent in collections since start (every collector): a pause rate is the
    // difference of two points
    series.put("jvm.gc.time", () -> {
      long millis = 0;
      for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        millis += Math.max(0, gc.getCollectionTime());
      }
      return (double) millis;
    });
  }

  @Override
  public void alertSignals(Map<String, AlertSignal> signals) {
    signals.put(MEMORY_AFTER_GC, AlertSignal.now(MemoryCheck::heapUsedAfterGcRatio));
    signals.put(CPU, AlertSignal.now(this::cpuLoad));
  }

  /** The process's recent CPU use, 0 to 1; null before the reader started or when the JVM cannot say. */
  private Double cpuLoad() {
    ProcessCpu started = cpu;
    double load = started == null ? -1 : started.processCpuLoad();
    return load < 0 ? null : load;
  }
}
