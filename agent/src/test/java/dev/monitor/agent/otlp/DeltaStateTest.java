package dev.monitor.agent.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monitor.agent.metrics.HistogramData;
import org.junit.jupiter.api.Test;

class DeltaStateTest {

  private final DeltaState delta = new DeltaState(0);
  private final String[] series = {"GET", "/api/users/{id}"};

  @Test
  void aCounterSendsItsIncreaseSinceTheLastExport() {
    assertEquals(3.0, delta.sinceLast("requests", series, 3));
    assertEquals(2.0, delta.sinceLast("requests", series, 5));
    assertEquals(0.0, delta.sinceLast("requests", series, 5));
    assertEquals(7.0, delta.sinceLast("requests", new String[] {"POST", "/api/users/{id}"}, 7), "another series");
  }

  @Test
  void aHistogramSendsTheNewValuesPerBucket() {
    double[] bounds = {0.1, 1};
    delta.sinceLast("duration", series, new HistogramData(3, 0.6, bounds, new long[] {2, 1, 0}));
    HistogramData d = delta.sinceLast("duration", series, new HistogramData(5, 2.6, bounds, new long[] {2, 2, 1}));
    assertEquals(2, d.count);
    assertEquals(2.0, d.sum, 1e-12);
    assertArrayEquals(new long[] {0, 1, 1}, d.counts);
  }

  @Test
  void rememberingTheExportTimeMakesItTheNextStart() {
    assertEquals(0, delta.lastExport());
    delta.exported(42);
    assertEquals(42, delta.lastExport());
  }
}
