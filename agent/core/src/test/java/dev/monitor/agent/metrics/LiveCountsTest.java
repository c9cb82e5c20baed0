package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The live counts keep HdrHistogram's buckets: what they copy out is what HdrHistogram would hold. */
class LiveCountsTest {

  static long[] values() {
    SplittableRandom random = new SplittableRandom(42);
    long[] values = new long[20_000];
    for (int i = 0; i < values.length; i++) {
      // every magnitude from 0 ns to the hour, and the edges of buckets
      int bits = random.nextInt(43);
      long v = bits == 0 ? 0 : (1L << bits) + random.nextLong(1L << bits) + (i % 3) - 1;
      values[i] = Math.max(0, Math.min(LatencySeries.HIGHEST_NANOS, v));
    }
    values[0] = 0;
    values[1] = 1;
    values[2] = 255;
    values[3] = 256;
    values[4] = LatencySeries.HIGHEST_NANOS;
    return values;
  }

  @Test
  void eachValueLandsInHdrHistogramsBucket() {
    Histogram reference = LatencySeries.newScratch();
    for (long v : values()) {
      assertEquals(reference.lowestEquivalentValue(v), LiveCounts.lowestValueAt(LiveCounts.indexOf(v)), "value " + v);
    }
    // HdrHistogram's footprint is 512 bytes and 8 per count; it rounds up to a whole bucket
    // (4,608), the live counts stop at the hour's own (4,562)
    assertEquals(4608, (reference.getEstimatedFootprintInBytes() - 512) / 8);
    assertEquals(LiveCounts.LENGTH - 1, LiveCounts.indexOf(LatencySeries.HIGHEST_NANOS));
    assertEquals(4562, LiveCounts.LENGTH);
  }

  @Test
  void aCopyIsTheHistogramOfTheValues() {
    Histogram reference = LatencySeries.newScratch();
    LiveCounts live = new LiveCounts();
    for (long v : values()) {
      reference.recordValue(v);
      live.record(v);
    }
    Histogram copy = LatencySeries.newScratch();
    live.addTo(copy);
    assertEquals(reference.getTotalCount(), copy.getTotalCount());
    assertEquals(reference.getMaxValue(), copy.getMaxValue());
    assertEquals(reference.getMinNonZeroValue(), copy.getMinNonZeroValue());
    for (double p : new double[] {50, 90, 95, 99, 99.9, 100}) {
      assertEquals(reference.getValueAtPercentile(p), copy.getValueAtPercentile(p), "p" + p);
    }
    assertEquals(reference, copy, "bucket by bucket");
  }

  /** Only the magnitudes written get counts: 1 to 100 ms durations hold 8 chunks of 1 KB. */
  @Test
  void holdsOnlyTheMagnitudesItSaw() {
    LiveCounts live = new LiveCounts();
    assertEquals(0, live.countBytes());
    for (long ms = 1; ms <= 100; ms++) {
      live.record(ms * 1_000_000);
    }
    assertEquals(8 * 128 * 8, live.countBytes());
    Histogram copy = LatencySeries.newCumulative();
    live.addTo(copy);
    assertEquals(100, copy.getTotalCount());
    assertEquals(50, copy.getValueAtPercentile(50) / 1_000_000);
  }
}
