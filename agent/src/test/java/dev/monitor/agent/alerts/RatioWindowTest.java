package dev.monitor.agent.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RatioWindowTest {

  long now;
  long all;
  long hits;
  final RatioWindow window = new RatioWindow(() -> new long[] {all, hits}, 60_000, () -> now);

  void at(long seconds, long all, long hits) {
    now = seconds * 1000;
    this.all = all;
    this.hits = hits;
  }

  @Test
  void aYoungAgentCountsEverythingSinceItStarted() {
    at(5, 0, 0);
    assertNull(window.get(), "no request yet: nothing to judge");
    at(10, 40, 10);
    assertEquals(0.25, window.get());
  }

  @Test
  void laterOnlyTheLastWindowCounts() {
    for (int s = 5; s <= 60; s += 5) {
      at(s, 100, 50); // 100 requests, half failed, all in the first 5 s
      window.get();
    }
    at(65, 300, 52);
    // the base is the reading at 5 s (100, 50): 2 failed of 200 since
    assertEquals(0.01, window.get());
    at(130, 300, 52);
    assertNull(window.get(), "no request in the last minute");
    at(135, 301, 53);
    assertEquals(1.0, window.get());
  }

  @Test
  void aTotalThatGoesDownStartsOver() {
    at(5, 10, 5);
    window.get();
    at(10, 4, 1);
    assertNull(window.get());
  }
}
