package dev.monitor.agent.jvm;

import dev.monitor.agent.log.AgentLog;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Process CPU figures from {@code com.sun.management.OperatingSystemMXBean}, which HotSpot and
 * OpenJ9 provide. On a JVM without it the figures read as -1 and one warning says so.
 */
public final class ProcessCpu {

  private final com.sun.management.OperatingSystemMXBean bean;
  private final OperatingSystemMXBean platform;

  private ProcessCpu(com.sun.management.OperatingSystemMXBean bean, OperatingSystemMXBean platform) {
    this.bean = bean;
    this.platform = platform;
  }

  public static ProcessCpu create() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    try {
      if (os instanceof com.sun.management.OperatingSystemMXBean) {
        return new ProcessCpu((com.sun.management.OperatingSystemMXBean) os, os);
      }
    } catch (LinkageError e) {
      // fall through: this JVM has no com.sun.management
    }
    AgentLog.warn("this JVM reports no process CPU figures; jvm.cpu.* metrics and the CPU check are empty");
    return new ProcessCpu(null, os);
  }

  /** Recent process CPU use from 0 to 1 over all processors, or -1 when unknown. */
  public double processCpuLoad() {
    return bean == null ? -1 : bean.getProcessCpuLoad();
  }

  /** Recent whole-system CPU use from 0 to 1, or -1 when unknown. */
  public double systemCpuLoad() {
    return bean == null ? -1 : bean.getSystemCpuLoad();
  }

  public long processCpuTimeNanos() {
    return bean == null ? -1 : bean.getProcessCpuTime();
  }

  public double systemLoadAverage() {
    return platform.getSystemLoadAverage();
  }
}
