package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySeriesTest {

  final LatencySeries series = new LatencySeries();
  final Histogram scratch = LatencySeries.newScratch();

  private long recentCount(long nowMillis) {
    Histogram recent = new Histogram(LatencySeries.SIGNIFICANT_DIGITS);
    series.window().mergeInto(recent, nowMillis);
    return recent.getTotalCount();
  }

  @Test
  void eachHarvestAddsOnlyWhatCameSinceTheLast() {
    series.record(1_000_000);
    series.record(3_000_000);
    series.harvest(0, scratch);
    assertEquals(2, series.cumulative().getTotalCount());
    assertEquals(4_000_000, series.cumulativeSumNanos());

    series.record(5_000_000);
    series.harvest(10_000, scratch);
    assertEquals(3, series.cumulative().getTotalCount());
    assertEquals(9_000_000, series.cumulativeSumNanos());
    assertEquals(5_000_000, series.cumulative().getMaxValue(), 5_000_000 * 0.01);
    // both ten-second slots are inside the minute; the first one leaves it 60 s later
    assertEquals(3, recentCount(10_000));
    assertEquals(1, recentCount(65_000));

    series.harvest(20_000, scratch); // nothing new: nothing changes
    assertEquals(3, series.cumulative().getTotalCount());
    assertEquals(9_000_000, series.cumulativeSumNanos());
  }

  @Test
  void negativeAndHourLongValuesAreClamped() {
    series.record(-5);
    series.record(5 * LatencySeries.HIGHEST_NANOS);
    series.harvest(0, scratch);
    assertEquals(2, series.cumulative().getTotalCount());
    assertEquals(LatencySeries.HIGHEST_NANOS, series.cumulativeSumNanos());
  }

  @Test
  void writersOnManyThreadsLoseNothing() throws InterruptedException {
    int threads = 4;
    int each = 50_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < each; i++) {
                  series.record(1_000 + i);
                }
              });
      writers.add(w);
      w.start();
    }
    start.countDown();
    // harvests while the writers run: nothing is counted twice or lost
    for (int h = 0; h < 20; h++) {
      series.harvest(h * 1_000L, scratch);
    }
    for (Thread w : writers) {
      w.join();
    }
    series.harvest(30_000, scratch);
    assertEquals((long) threads * each, series.cumulative().getTotalCount());
    long expectedSum = threads * ((long) each * 1_000 + (long) each * (each - 1) / 2);
    assertEquals(expectedSum, series.cumulativeSumNanos());
  }
}
