package dev.monitor.agent.metrics;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The durations of one series. Writers call {@link #record} from any thread: a wait-free
 * HdrHistogram {@link Recorder} write and a {@link LongAdder} add, no lock and no allocation.
 * Readers (under the registry's harvest lock, never on a request thread) swap the recorder's
 * interval histogram into a cumulative histogram (since start: Prometheus buckets, count, sum,
 * percentiles) and a sliding window (the last minute: recent percentiles and rates).
 *
 * <p>Values are nanoseconds; precision is two significant digits (1%), which keeps a series
 * small and is finer than any latency decision a runbook makes.
 */
public final class LatencySeries {

  static final int SIGNIFICANT_DIGITS = 2;

  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final LongAdder pendingSumNanos = new LongAdder();

  // Reader side, guarded by the registry's harvest lock.
  private Histogram interval;
  private final Histogram cumulative = new Histogram(SIGNIFICANT_DIGITS);
  private long cumulativeSumNanos;
  private final SlidingWindow window = new SlidingWindow();

  public void record(long nanos) {
    long value = nanos < 0 ? 0 : nanos;
    recorder.recordValue(value);
    pendingSumNanos.add(value);
  }

  /** Moves what writers recorded since the last harvest into the reader-side views. */
  void harvest(long nowMillis) {
    interval = recorder.getIntervalHistogram(interval);
    long sum = pendingSumNanos.sumThenReset();
    cumulative.add(interval);
    cumulativeSumNanos += sum;
    window.add(interval, sum, nowMillis);
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
