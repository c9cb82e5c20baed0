package dev.monitor.agent.metrics;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The last {@link #LENGTH_MILLIS} of one series, as a ring of six ten-second slots. A slot older
 * than the window is cleared before reuse, so a quiet minute reads as empty. Not thread-safe:
 * used only under the registry's harvest lock.
 */
final class SlidingWindow {

  static final long SLOT_MILLIS = 10_000;
  static final int SLOTS = 6;
  static final long LENGTH_MILLIS = SLOT_MILLIS * SLOTS;

  private final AbstractHistogram[] slots = new AbstractHistogram[SLOTS];
  private final long[] sums = new long[SLOTS];
  private final long[] epochs = new long[SLOTS];

  void add(Histogram interval, long sumNanos, long nowMillis) {
    if (interval.getTotalCount() == 0) {
      return;
    }
    long epoch = nowMillis / SLOT_MILLIS;
    int i = (int) (epoch % SLOTS);
    if (slots[i] == null) {
      // int counts: a ten-second slot never holds 2^31 values, and a slot costs half the memory
      slots[i] = new IntCountsHistogram(LatencySeries.SIGNIFICANT_DIGITS);
    } else if (epochs[i] != epoch) {
      slots[i].reset();
      sums[i] = 0;
    }
    epochs[i] = epoch;
    slots[i].add(interval);
    sums[i] += sumNanos;
  }

  /** Adds the slots still inside the window to {@code into}; returns their sum of values. */
  long mergeInto(Histogram into, long nowMillis) {
    long oldest = nowMillis / SLOT_MILLIS - (SLOTS - 1);
    long sum = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slots[i] != null && epochs[i] >= oldest) {
        into.add(slots[i]);
        sum += sums[i];
      }
    }
    return sum;
  }
}
