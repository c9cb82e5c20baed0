package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryTest {

  @SuppressWarnings("unchecked")
  static List<Object> series(History history, String name) {
    return (List<Object>) ((Map<String, Object>) history.read(null).get("series")).get(name);
  }

  @Test
  void keepsTheLastPointsOldestFirstInAFixedRing() {
    AtomicLong total = new AtomicLong();
    History history = new History(4, 10_000);
    history.add("requests", () -> (double) total.get());
    for (int t = 1; t <= 6; t++) {
      total.set(t * 10);
      history.sample(t * 10_000L);
    }
    assertEquals(Arrays.asList(30.0, 40.0, 50.0, 60.0), series(history, "requests"));
    Map<String, Object> read = history.read(null);
    assertEquals(4L, read.get("points"));
    assertEquals(60_000L, read.get("endMillis"));
    assertEquals(10.0, read.get("stepSeconds"));
  }

  @Test
  void aLateOrSilentSeriesHasNullsAndAFailingOneDoesNotStopTheOthers() {
    History history = new History(5, 1_000);
    history.add("always", () -> 1.0);
    history.sample(1_000);
    history.add("late", () -> null);
    history.add("broken", () -> {
      throw new IllegalStateException("no");
    });
    history.sample(2_000);
    assertEquals(Arrays.asList(1.0, 1.0), series(history, "always"));
    assertEquals(Arrays.asList(null, null), series(history, "late"));
    assertEquals(Arrays.asList(null, null), series(history, "broken"));
    assertEquals(List.of("always"), List.copyOf(((Map<?, ?>) history.read(List.of("always", "unknown")).get("series")).keySet()));
  }

  @Test
  void theNumberOfSeriesIsBounded() {
    History history = new History(2, 1_000);
    for (int i = 0; i < History.MAX_SERIES + 5; i++) {
      history.add("s" + i, () -> 1.0);
    }
    assertEquals(History.MAX_SERIES, history.names().size());
  }

  @Test
  void aFamilyGrowsASeriesPerKeyAsKeysAppear() {
    Map<String, Double> pools = new java.util.LinkedHashMap<>();
    History history = new History(3, 1_000);
    history.add("total", () -> pools.values().stream().mapToDouble(Double::doubleValue).sum());
    history.addFamily("pool.used", () -> new java.util.LinkedHashMap<>(pools));
    pools.put("orders", 2.0);
    history.sample(1_000);
    pools.put("orders", 3.0);
    pools.put("billing", 1.0);
    history.sample(2_000);
    pools.remove("orders");
    history.sample(3_000);
    assertEquals(Arrays.asList(2.0, 3.0, null), series(history, "pool.used:orders"), "gone: null");
    assertEquals(Arrays.asList(null, 1.0, 1.0), series(history, "pool.used:billing"), "late: null before");
    assertEquals(Arrays.asList(2.0, 4.0, 1.0), series(history, "total"));
    assertEquals(Arrays.asList("total", "pool.used:orders", "pool.used:billing"), history.names());
  }
}
