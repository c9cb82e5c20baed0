package dev.monitor.agent.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;

/**
 * The writers' side of a {@link LatencySeries}: one count per bucket of HdrHistogram's layout for
 * 1 ns to {@link LatencySeries#HIGHEST_NANOS} at two significant digits, so a write is one atomic
 * increment. HdrHistogram's own {@code AtomicHistogram} also keeps a total count and the minimum
 * and maximum with atomics of their own on every write; here the reader works those out from the
 * buckets when it copies them ({@link #addTo}), on the harvest thread. Counts are kept in chunks
 * of 128 made at their first write, so a series holds only the magnitudes it has seen.
 *
 * <p>The layout is HdrHistogram's (sub-buckets of 256, halves of 128, unit 1): the index a value
 * gets here is the index a {@code Histogram(1, HIGHEST_NANOS, 2)} gives it, and
 * {@link #lowestValueAt} is that bucket's lowest value, so a copy puts every count in the bucket
 * the value itself would have gone to ({@code LiveCountsTest} checks both against HdrHistogram).
 */
final class LiveCounts {

  /** Two significant digits: the smallest power of two over 2 × 10², halved. */
  static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 7;
  static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
  static final long SUB_BUCKET_MASK = (SUB_BUCKET_HALF_COUNT << 1) - 1;
  static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_COUNT_MAGNITUDE - 1;
  static final int LENGTH = indexOf(LatencySeries.HIGHEST_NANOS) + 1;

  /** Counts come in chunks of a half bucket (128), each made at its first write. */
  static final int CHUNK = SUB_BUCKET_HALF_COUNT;

  /**
   * Only the magnitudes a series really sees get their counts: a series of 1 to 100 ms
   * durations uses 8 of the 36 chunks, 8 KB instead of 36 KB.
   */
  private final AtomicReferenceArray<AtomicLongArray> chunks = new AtomicReferenceArray<>((LENGTH + CHUNK - 1) / CHUNK);

  /** {@code nanos} is between 0 and {@link LatencySeries#HIGHEST_NANOS}. */
  void record(long nanos) {
    int index = indexOf(nanos);
    int chunk = index >>> SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    AtomicLongArray counts = chunks.get(chunk);
    if (counts == null) {
      counts = firstOf(chunk);
    }
    counts.getAndIncrement(index & (CHUNK - 1));
  }

  /** The chunk's counts, made now unless another writer just made them (whose then win). */
  private AtomicLongArray firstOf(int chunk) {
    AtomicLongArray made = new AtomicLongArray(CHUNK);
    return chunks.compareAndSet(chunk, null, made) ? made : chunks.get(chunk);
  }

  static int indexOf(long value) {
    int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
    int subBucket = (int) (value >>> bucket);
    return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (subBucket - SUB_BUCKET_HALF_COUNT);
  }

  static long lowestValueAt(int index) {
    int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  /** Adds every count to {@code into} (a histogram of the same range and precision). */
  void addTo(Histogram into) {
    for (int chunk = 0; chunk < chunks.length(); chunk++) {
      AtomicLongArray counts = chunks.get(chunk);
      for (int i = 0; counts != null && i < CHUNK; i++) {
        long count = counts.get(i);
        if (count != 0) {
          into.recordValueWithCount(lowestValueAt(chunk * CHUNK + i), count);
        }
      }
    }
  }

  /** Bytes held by the counts now (for the README's sizing and its test). */
  long countBytes() {
    long bytes = 0;
    for (int chunk = 0; chunk < chunks.length(); chunk++) {
      bytes += chunks.get(chunk) == null ? 0 : CHUNK * 8L;
    }
    return bytes;
  }
}
