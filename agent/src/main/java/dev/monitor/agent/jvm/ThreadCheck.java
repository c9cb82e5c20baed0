package dev.monitor.agent.jvm;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Threads, and the one liveness failure a process cannot recover from by itself: a deadlock.
 * DOWN (and so liveness 503) while any threads are deadlocked, naming them.
 */
public final class ThreadCheck implements HealthCheck {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public Kind kind() {
    return Kind.LIVENESS;
  }

  @Override
  public HealthStatus check(Map<String, Object> details) {
    details.put("count", threads.getThreadCount());
    details.put("daemon", threads.getDaemonThreadCount());
    details.put("peak", threads.getPeakThreadCount());
    long[] deadlocked = threads.findDeadlockedThreads();
    List<String> names = new ArrayList<>();
    if (deadlocked != null) {
      for (ThreadInfo info : threads.getThreadInfo(deadlocked)) {
        if (info != null) {
          names.add(info.getThreadName());
        }
      }
    }
    details.put("deadlocked", names);
    return names.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
  }
}
