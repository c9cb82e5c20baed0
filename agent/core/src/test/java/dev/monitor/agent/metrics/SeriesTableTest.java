package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class SeriesTableTest {

  @Test
  void sameValuesSameSeriesAndNullIsAValue() {
    SeriesTable<LongAdder> table = new SeriesTable<>(3, 10, v -> new LongAdder());
    LongAdder a = table.get("GET", "/a", null);
    assertSame(a, table.get("GET", new String("/a"), null));
    assertNotSame(a, table.get("GET", "/a", "x"));
    assertEquals(2, table.size());
  }

  @Test
  void pastTheLimitEverythingFoldsIntoOther() {
    SeriesTable<LongAdder> table = new SeriesTable<>(2, 50, v -> new LongAdder());
    for (int i = 0; i < 80; i++) {
      table.get("k", "v" + i).increment();
    }
    assertEquals(50, table.size());
    List<String[]> seen = new ArrayList<>();
    long[] otherCount = {0};
    table.forEach(
        (values, adder) -> {
          seen.add(values);
          if (values[0].equals("other")) {
            otherCount[0] = adder.sum();
          }
        });
    assertEquals(51, seen.size());
    assertArrayEquals(new String[] {"other", "other"}, seen.get(50));
    assertEquals(30, otherCount[0]);
    // existing series keep working after the limit
    table.get("k", "v3").increment();
    assertEquals(2, table.get("k", "v3").sum());
  }

  @Test
  void concurrentWritersSeeOneSeries() throws Exception {
    SeriesTable<LongAdder> table = new SeriesTable<>(1, 1000, v -> new LongAdder());
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  table.get("s" + (i % 100)).increment();
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(100, table.size());
    long[] total = {0};
    table.forEach((values, adder) -> total[0] += adder.sum());
    assertEquals(80_000, total[0]);
  }

  @Test
  void foldingKeepsTheOutcomeAttributesAndFoldsTheRoute() {
    SeriesTable<LongAdder> table =
        new SeriesTable<>(
            "http.server.request.duration",
            new String[] {"http.request.method", "http.route", "http.response.status_code", "error.type"},
            2,
            v -> new LongAdder());
    table.get("GET", "/a", "200", null).increment();
    table.get("GET", "/b", "200", null).increment();
    table.get("GET", "/c", "200", null).increment();
    table.get("GET", "/d", "200", null).increment();
    table.get("POST", "/e", "500", "java.lang.IllegalStateException").increment();
    java.util.Map<String, Long> seen = new java.util.TreeMap<>();
    table.forEach((values, adder) -> seen.put(String.join("|", java.util.Arrays.asList(values).toString()), adder.sum()));
    assertEquals(
        "{[GET, /a, 200, null]=1, [GET, /b, 200, null]=1, [GET, other, 200, null]=2,"
            + " [POST, other, 500, java.lang.IllegalStateException]=1}",
        seen.toString());
  }

  @Test
  void pastTheFoldedLimitEverythingIsOther() {
    SeriesTable<LongAdder> table =
        new SeriesTable<>("x", new String[] {"http.route", "http.response.status_code"}, 1, v -> new LongAdder());
    table.get("/a", "200").increment();
    for (int status = 100; status < 100 + SeriesTable.FOLDED_LIMIT + 5; status++) {
      table.get("/b", String.valueOf(status)).increment();
    }
    long[] other = new long[1];
    int[] series = new int[1];
    table.forEach((values, adder) -> {
      series[0]++;
      if (values[0].equals("other") && values[1].equals("other")) {
        other[0] = adder.sum();
      }
    });
    assertEquals(1 + SeriesTable.FOLDED_LIMIT + 1, series[0]);
    assertEquals(5, other[0]);
  }
}
