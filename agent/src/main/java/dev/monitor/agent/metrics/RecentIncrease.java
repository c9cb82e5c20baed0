package dev.monitor.agent.metrics;

import java.util.function.LongSupplier;

/**
 * The last minute's increase per second of a monotonic total (connections made, events sent),
 * from samples the registry takes at each harvest (every few seconds). Before a minute has
 * passed, the rate is over the time since the total began at zero. Thread-safe (synchronized;
 * only the harvester and readers call it, never a request thread).
 */
public final class RecentIncrease {

  static final long WINDOW_MILLIS = 60_000;
  private static final int SAMPLES = 32;

  private final LongSupplier total;
  private final long[] times = new long[SAMPLES];
  private final long[] totals = new long[SAMPLES];
  private int next;
  private int size;

  /** {@code total} is zero at {@code startMillis}. */
  public RecentIncrease(LongSupplier total, long startMillis) {
    this.total = total;
    add(startMillis, 0);
  }

  /** Records the total now; the registry calls it at each harvest. */
  public synchronized void sample(long nowMillis) {
    add(nowMillis, total.getAsLong());
  }

  /** The increase per second over the last minute (or since start when younger). */
  public synchronized double perSecond(long nowMillis) {
    long current = total.getAsLong();
    // the oldest sample still inside the window; failing that (no harvest for a minute), the newest
    int chosen = -1;
    for (int k = 0; k < size; k++) {
      int i = Math.floorMod(next - 1 - k, SAMPLES);
      if (times[i] >= nowMillis - WINDOW_MILLIS) {
        chosen = i;
      } else {
        break;
      }
    }
    if (chosen < 0) {
      chosen = Math.floorMod(next - 1, SAMPLES);
    }
    double seconds = Math.max(1.0, (nowMillis - times[chosen]) / 1000.0);
    return Math.max(0, current - totals[chosen]) / seconds;
  }

  private void add(long time, long value) {
    times[next] = time;
    totals[next] = value;
    next = (next + 1) % SAMPLES;
    size = Math.min(SAMPLES, size + 1);
  }
}
