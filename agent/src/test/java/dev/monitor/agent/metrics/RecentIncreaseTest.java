package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentIncreaseTest {

  @Test
  void beforeAMinuteTheRateIsOverTheTimeSinceStart() {
    AtomicLong total = new AtomicLong();
    RecentIncrease rate = new RecentIncrease(total::get, 0);
    total.set(30);
    assertEquals(1.0, rate.perSecond(30_000), 1e-9);
  }

  @Test
  void afterAMinuteOnlyTheLastMinuteCounts() {
    AtomicLong total = new AtomicLong();
    RecentIncrease rate = new RecentIncrease(total::get, 0);
    // 600 in the first 100 s, then 60 in the next 60 s: sampled every 5 s as the harvest does
    for (long t = 5_000; t <= 160_000; t += 5_000) {
      total.set(t <= 100_000 ? t * 6 / 1000 : 600 + (t - 100_000) / 1000);
      rate.sample(t);
    }
    assertEquals(1.0, rate.perSecond(160_000), 1e-9);
  }

  @Test
  void aQuietMinuteReadsZero() {
    AtomicLong total = new AtomicLong();
    RecentIncrease rate = new RecentIncrease(total::get, 0);
    total.set(100);
    for (long t = 5_000; t <= 200_000; t += 5_000) {
      rate.sample(t);
    }
    assertEquals(0.0, rate.perSecond(200_000), 1e-9);
  }
}
