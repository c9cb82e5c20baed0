package dev.monitor.agent.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The durations of one series. Writers call {@link #record} from any thread: one atomic
 * increment of the value's bucket ({@link LiveCounts}) and a {@link LongAdder} add; no lock, no
 * allocation, and no phaser, so threads recording the same series at once contend on one bucket
 * and the sum only. Readers (under the registry's harvest lock,
 * never on a request thread) copy the live counts and subtract the cumulative histogram: that
 * interval feeds a sliding window (the last minute: recent percentiles and rates) and is added
 * to the cumulative histogram (since start: Prometheus buckets, count, sum, percentiles).
 *
 * <p>Values are nanoseconds, up to an hour (a longer one counts as an hour); precision is two
 * significant digits (1%), which keeps a series small and is finer than any latency decision a
 * runbook makes. A copy taken while a write is in flight may miss that write's sum or count;
 * the next harvest has it.
 */
public final class LatencySeries {

  static final int SIGNIFICANT_DIGITS = 2;
  static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

  private final LiveCounts live = new LiveCounts();
  private final LongAdder sumNanos = new LongAdder();

  // Reader side, guarded by the registry's harvest lock. Same bucket layout as live, so a copy
  // puts each count in the bucket its values were in.
  // Auto-resizing: it grows to the largest value the series has seen, not to the hour.
  private final Histogram cumulative = newCumulative();
  private long cumulativeSumNanos;
  private final SlidingWindow window = new SlidingWindow();

  public void record(long nanos) {
    long value = nanos < 0 ? 0 : nanos > HIGHEST_NANOS ? HIGHEST_NANOS : nanos;
    live.record(value);
    sumNanos.add(value);
  }

  /** A histogram of the same precision that holds only the range it has been given values in. */
  static Histogram newCumulative() {
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    histogram.setAutoResize(true);
    return histogram;
  }

  /** A histogram of the live layout, for {@link #harvest}'s work. */
  static Histogram newScratch() {
    return new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
  }

  /**
   * Moves what writers recorded since the last harvest into the reader-side views; {@code
   * scratch} (from {@link #newScratch}) is work space, shared by the series one harvest visits.
   */
  void harvest(long nowMillis, Histogram scratch) {
    long sum = sumNanos.sum();
    scratch.reset();
    live.addTo(scratch);
    // live only grows, so live now minus the cumulative copy is never negative: the interval
    scratch.subtract(cumulative);
    if (scratch.getTotalCount() > 0) {
      window.add(scratch, sum - cumulativeSumNanos, nowMillis);
      cumulative.add(scratch);
    }
    cumulativeSumNanos = sum;
  }

  /** Since start. The caller must hold the harvest lock and must not keep the histogram. */
  Histogram cumulative() {
    return cumulative;
  }

  long cumulativeSumNanos() {
    return cumulativeSumNanos;
  }

  SlidingWindow window() {
    return window;
  }
}
