package dev.monitor.agent.jvm;

import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.MetricRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm.gc.duration} (attributes {@code jvm.gc.name}, {@code jvm.gc.action}) from the GC
 * notifications HotSpot sends after each collection, on the JVM's notification thread. A JVM
 * that sends none leaves the histogram empty and says so once.
 */
final class GcDurations {

  /** OpenTelemetry's advice for jvm.gc.duration. */
  private static final double[] BOUNDS = {0.01, 0.1, 1, 10};
  private static final String NOTIFICATION = "com.sun.management.gc.notification";

  private GcDurations() {}

  static void register(MetricRegistry registry, int seriesLimit) {
    LatencyHistogram duration =
        registry.register(
            new LatencyHistogram(
                "jvm.gc.duration",
                "Duration of JVM garbage collection actions.",
                new String[] {"jvm.gc.name", "jvm.gc.action"},
                seriesLimit,
                BOUNDS));
    try {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter) {
          ((NotificationEmitter) gc)
              .addNotificationListener((n, handback) -> onNotification(duration, n), null, null);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warn("cannot listen to GC notifications; jvm.gc.duration stays empty", e);
    }
  }

  private static void onNotification(LatencyHistogram duration, Notification notification) {
    if (!NOTIFICATION.equals(notification.getType())) {
      return;
    }
    try {
      CompositeData info = (CompositeData) notification.getUserData();
      String name = (String) info.get("gcName");
      String action = (String) info.get("gcAction");
      long millis = (Long) ((CompositeData) info.get("gcInfo")).get("duration");
      duration.series().get(name, action).record(millis * 1_000_000L);
    } catch (RuntimeException e) {
      AgentLog.warnOnce("gc-notification", "cannot read a GC notification", e);
    }
  }
}
