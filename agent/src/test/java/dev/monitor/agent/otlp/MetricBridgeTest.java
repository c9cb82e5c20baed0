package dev.monitor.agent.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.MetricRegistry;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class MetricBridgeTest {

  private final MetricRegistry registry = new MetricRegistry();
  private final Counter events =
      registry.register(new Counter("socketio.server.events", "events", "{event}", false, new String[] {"direction"}, 10));
  private final Counter active =
      registry.register(new Counter("socketio.server.connections.active", "active", "{connection}", true, new String[] {"ns"}, 10));
  private final LatencyHistogram duration =
      registry.register(new LatencyHistogram("http.server.request.duration", "d", new String[] {"route"}, 10));

  private MetricData find(Collection<MetricData> all, String name) {
    for (MetricData m : all) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name + " not exported");
  }

  @Test
  void countersAreMonotonicLongSumsAndUpDownCountersAreNot() {
    events.series().get("received").add(3);
    active.series().get("/").add(2);
    Collection<MetricData> out = new MetricBridge(registry, "1", 0, false).produce(Resource.empty());
    MetricData e = find(out, "socketio.server.events");
    assertEquals(MetricDataType.LONG_SUM, e.getType());
    assertEquals(true, e.getLongSumData().isMonotonic());
    assertEquals(3, e.getLongSumData().getPoints().iterator().next().getValue());
    MetricData a = find(out, "socketio.server.connections.active");
    assertEquals(false, a.getLongSumData().isMonotonic());
    assertEquals(AggregationTemporality.CUMULATIVE, a.getLongSumData().getAggregationTemporality());
  }

  @Test
  void aHistogramKeepsItsCountSumAndBuckets() {
    duration.series().get("/a").record(30_000_000L); // 30 ms
    duration.series().get("/a").record(200_000_000L); // 200 ms
    MetricData h = find(new MetricBridge(registry, "1", 0, false).produce(Resource.empty()), "http.server.request.duration");
    HistogramPointData p = h.getHistogramData().getPoints().iterator().next();
    assertEquals(2, p.getCount());
    assertEquals(0.23, p.getSum(), 0.01);
    assertEquals(LatencyHistogram.DEFAULT_BOUNDS.length, p.getBoundaries().size());
    long total = 0;
    for (long c : p.getCounts()) {
      total += c;
    }
    assertEquals(2, total);
  }

  @Test
  void deltaSendsTheChangeAndKeepsUpDownCountersCumulative() {
    MetricBridge bridge = new MetricBridge(registry, "1", 0, true);
    events.series().get("sent").add(4);
    active.series().get("/").add(5);
    bridge.produce(Resource.empty());
    events.series().get("sent").add(1);
    Collection<MetricData> second = bridge.produce(Resource.empty());
    LongPointData e = find(second, "socketio.server.events").getLongSumData().getPoints().iterator().next();
    assertEquals(1, e.getValue());
    assertEquals(AggregationTemporality.DELTA, find(second, "socketio.server.events").getLongSumData().getAggregationTemporality());
    assertEquals(5, find(second, "socketio.server.connections.active").getLongSumData().getPoints().iterator().next().getValue());
  }
}
