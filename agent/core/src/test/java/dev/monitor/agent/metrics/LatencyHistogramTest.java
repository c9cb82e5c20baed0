package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  final LatencyHistogram histogram =
      new LatencyHistogram("http.server.request.duration", "d", new String[] {"route", "status"}, 100);
  final MetricRegistry registry = new MetricRegistry();

  {
    registry.register(histogram);
  }

  static long ms(double millis) {
    return (long) (millis * 1_000_000);
  }

  @Test
  void bucketsCountSumFromRecordedNanos() {
    LatencySeries s = histogram.series().get("/a", "200");
    s.record(ms(2));
    s.record(ms(30));
    s.record(ms(200));
    s.record(ms(200));
    s.record(ms(12_000));
    MetricFamily family = registry.collect().get(0);
    HistogramData h = family.points.get(0).histogram;
    assertEquals(5, h.count);
    assertEquals(12.432, h.sum, 1e-9);
    // bounds 0.005 0.01 0.025 0.05 0.075 0.1 0.25 0.5 0.75 1 2.5 5 7.5 10 (+Inf)
    assertArrayEquals(new long[] {1, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1}, h.counts);
  }

  @Test
  void readsAccumulateAcrossHarvests() {
    LatencySeries s = histogram.series().get("/a", "200");
    s.record(ms(1));
    registry.harvest();
    s.record(ms(1));
    assertEquals(2, registry.collect().get(0).points.get(0).histogram.count);
    assertEquals(2, registry.collect().get(0).points.get(0).histogram.count);
  }

  @Test
  void summariesGroupSeriesAndGivePercentiles() {
    for (int i = 1; i <= 100; i++) {
      histogram.series().get("/a", i <= 90 ? "200" : "500").record(ms(i));
    }
    histogram.series().get("/b", "200").record(ms(7));
    List<LatencySummary> byRoute = registry.summarize(histogram, "route");
    assertEquals(2, byRoute.size());
    LatencySummary a = byRoute.get(0);
    assertEquals("/a", a.attribute("route"));
    assertEquals(100, a.count);
    assertEquals(100, a.recentCount);
    // two significant digits: within 1%
    assertEquals(0.050, a.p50, 0.0005);
    assertEquals(0.095, a.p95, 0.00095);
    assertEquals(0.099, a.p99, 0.00099);
    assertEquals(0.100, a.max, 0.001);
    assertEquals(5.050, a.sumSeconds, 1e-9);
    List<LatencySummary> all = registry.summarize(histogram);
    assertEquals(1, all.size());
    assertEquals(101, all.get(0).count);
  }

  @Test
  void slidingWindowForgetsOldSlots() {
    SlidingWindow window = new SlidingWindow();
    org.HdrHistogram.Histogram interval = new org.HdrHistogram.Histogram(2);
    interval.recordValue(1000);
    window.add(interval, 1000, 0);
    org.HdrHistogram.Histogram merged = new org.HdrHistogram.Histogram(2);
    assertEquals(1000, window.mergeInto(merged, 50_000));
    assertEquals(1, merged.getTotalCount());
    merged.reset();
    assertEquals(0, window.mergeInto(merged, 70_000));
    assertEquals(0, merged.getTotalCount());
  }
}
