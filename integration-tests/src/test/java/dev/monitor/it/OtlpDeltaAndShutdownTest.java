package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delta temporality (each export says what changed since the last), a JVM that exits flushing
 * its last interval, and settings that cannot work being refused with one clear line.
 */
class OtlpDeltaAndShutdownTest {

  @Test
  void deltaExportsSendOnlyWhatChangedSinceTheLastExport() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.started();
        ChildJvm app =
            ChildJvm.builder("dev.monitor.demo.DemoService")
                .property("monitor.otlp.endpoint", receiver.endpoint())
                .property("monitor.otlp.interval", "1s")
                .property("otel.exporter.otlp.metrics.temporality.preference", "DELTA")
                .start()) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.app("/api/users/" + i).statusCode());
      }
      // an export may fall between two of the requests (1 + 2): what is exact is the sum of the
      // deltas, where cumulative points would add up to more (1 + 3, then 3 + 5)
      OtlpExportScenario.await(() -> sum(exportedCounts(receiver)) >= 3 ? Boolean.TRUE : null, "deltas adding up to 3");
      int firstExports = exportedCounts(receiver).size();
      for (int i = 0; i < 2; i++) {
        assertEquals(200, app.app("/api/users/" + i).statusCode());
      }
      OtlpExportScenario.await(() -> sum(exportedCounts(receiver)) >= 5 ? Boolean.TRUE : null, "deltas adding up to 5");
      Thread.sleep(2500); // two more intervals: nothing new was recorded, so nothing more is sent
      List<Long> counts = exportedCounts(receiver);
      assertEquals(3, sum(counts.subList(0, firstExports)), counts.toString());
      assertEquals(5, sum(counts), counts.toString());
      assertFalse(counts.contains(5L), "never the cumulative total: " + counts);
      Metric metric = receiver.latest(OtlpExportScenario.DURATION);
      assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, metric.getHistogram().getAggregationTemporality());
      Metric active = receiver.latest("http.server.active_requests");
      assertTrue(active.getSum().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
          "an up-down counter stays cumulative");
    }
  }

  static long sum(List<Long> counts) {
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /** The users route's count in each export received so far, in order. */
  static List<Long> exportedCounts(OtlpReceiver receiver) {
    List<Long> counts = new ArrayList<>();
    for (OtlpReceiver.Received r : receiver.received) {
      for (ResourceMetrics rm : r.request.getResourceMetricsList()) {
        for (ScopeMetrics sm : rm.getScopeMetricsList()) {
          for (Metric m : sm.getMetricsList()) {
            if (m.getName().equals(OtlpExportScenario.DURATION)) {
              for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
                Map<String, String> a = OtlpExportScenario.attributes(p.getAttributesList());
                if (OtlpExportScenario.USERS.equals(a.get("http.route"))) {
                  counts.add(p.getCount());
                }
              }
            }
          }
        }
      }
    }
    return counts;
  }

  @Test
  void aJvmThatExitsFlushesItsLastInterval() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.started();
        ChildJvm app =
            ChildJvm.builder("dev.monitor.it.apps.ShortLivedApp")
                .property("monitor.otlp.endpoint", receiver.endpoint())
                .property("monitor.otlp.interval", "10m")
                .start()) {
      assertTrue(app.exitsWithin(15), app.output());
      assertEquals(1, receiver.received.size(), "the shutdown flush, long before the first interval");
      assertTrue(receiver.latest("jvm.thread.count") != null, "with the JVM's metrics in it");
    }
  }

  @Test
  void settingsThatCannotWorkAreRefusedWithOneLine() throws Exception {
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.it.apps.ShortLivedApp")
            .property("monitor.otlp.endpoint", "collector:4318")
            // the endpoints start in the background, and this JVM may be gone before they do
            .noMonitorPort()
            .start()) {
      assertTrue(app.exitsWithin(15));
      assertTrue(app.output().contains("is not an http:// or https:// URL; metrics are not exported"), app.output());
    }
  }
}
