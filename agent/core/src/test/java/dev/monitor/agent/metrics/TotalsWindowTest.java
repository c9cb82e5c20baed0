package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TotalsWindowTest {

  // ---- one total, a rate per second (the harvest records every 5 s) ----

  static TotalsWindow rate(AtomicLong total) {
    return new TotalsWindow(() -> new long[] {total.get()}, 1, 60_000, 0);
  }

  @Test
  void beforeAMinuteTheRateIsOverTheTimeSinceStart() {
    AtomicLong total = new AtomicLong();
    TotalsWindow rate = rate(total);
    total.set(30);
    assertEquals(1.0, rate.perSecond(30_000), 1e-9);
  }

  @Test
  void afterAMinuteOnlyTheLastMinuteCounts() {
    AtomicLong total = new AtomicLong();
    TotalsWindow rate = rate(total);
    // 600 in the first 100 s, then 60 in the next 60 s: recorded every 5 s as the harvest does
    for (long t = 5_000; t <= 160_000; t += 5_000) {
      total.set(t <= 100_000 ? t * 6 / 1000 : 600 + (t - 100_000) / 1000);
      rate.record(t);
    }
    assertEquals(1.0, rate.perSecond(160_000), 1e-9);
  }

  @Test
  void aQuietMinuteReadsZero() {
    AtomicLong total = new AtomicLong();
    TotalsWindow rate = rate(total);
    total.set(100);
    for (long t = 5_000; t <= 200_000; t += 5_000) {
      rate.record(t);
    }
    assertEquals(0.0, rate.perSecond(200_000), 1e-9);
  }

  @Test
  void anHourAtFiveSecondsKeepsAboutOneReadingPerInterval() {
    AtomicLong total = new AtomicLong();
    TotalsWindow rate = new TotalsWindow(() -> new long[] {total.get()}, 1, 3_600_000, 0);
    for (long t = 5_000; t <= 3 * 3_600_000; t += 5_000) {
      total.incrementAndGet();
      rate.record(t);
    }
    // one per 5 s over the hour, from the reading an hour old
    assertEquals(0.2, rate.perSecond(3 * 3_600_000), 1e-9);
  }

  // ---- two totals, a ratio over the window (each alert evaluation records) ----

  long now;
  long all;
  long hits;
  final TotalsWindow window = new TotalsWindow(() -> new long[] {all, hits}, 2, 60_000, 0);

  Double at(long seconds, long all, long hits) {
    now = seconds * 1000;
    this.all = all;
    this.hits = hits;
    return window.ratio(now);
  }

  @Test
  void aYoungAgentCountsEverythingSinceItStarted() {
    assertNull(at(5, 0, 0), "no request yet: nothing to judge");
    assertEquals(0.25, at(10, 40, 10));
  }

  @Test
  void laterOnlyTheLastWindowCounts() {
    for (int s = 5; s <= 60; s += 5) {
      at(s, 100, 50); // 100 requests, half failed, all in the first 5 s
    }
    // the base is the reading at 5 s (100, 50): 2 failed of 200 since
    assertEquals(0.01, at(65, 300, 52));
    assertNull(at(130, 300, 52), "no request in the last minute");
    assertEquals(1.0, at(135, 301, 53));
  }

  @Test
  void aTotalThatGoesDownStartsOver() {
    at(5, 10, 5);
    assertNull(at(10, 4, 1));
    assertEquals(0.375, at(15, 8, 3), "counted from the restart, when the totals were 0: 3 of 8");
  }
}
