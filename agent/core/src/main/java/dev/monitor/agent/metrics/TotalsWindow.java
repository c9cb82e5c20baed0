package dev.monitor.agent.metrics;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The last window of one or more running totals (connections made; requests and failed
 * requests): the one sliding window of counts in the agent, behind every "per second over the
 * last minute" of {@code /metrics.json} and every ratio an alert rule judges over its window.
 *
 * <p>Readings are taken by {@link #record} (the registry's harvest, every 5 s, or each alert
 * evaluation). The increase is measured from the base: the newest reading at least a window old,
 * or, while the totals are younger than a window, their start (when every total was 0). So a
 * figure is exact to one reading interval, and the window keeps one reading per interval (13 for
 * a minute at 5 s, 720 for an hour). A total that goes down (a restarted source) starts the
 * window over.
 *
 * <p>Threading: synchronized; taken by the harvest thread, the alert thread and endpoint readers,
 * never by a request thread (the totals themselves are the writers' lock-free counters).
 */
public final class TotalsWindow {

  private final Supplier<long[]> totals;
  private final long windowMillis;
  /** {time, total0, total1, …}, oldest first; never empty (the first is the start, all zeros). */
  private final ArrayDeque<long[]> readings = new ArrayDeque<>();
  private final int width;

  /** {@code totals} reads every total at once; each was 0 at {@code startMillis}. */
  public TotalsWindow(Supplier<long[]> totals, int count, long windowMillis, long startMillis) {
    this.totals = totals;
    this.width = count;
    this.windowMillis = windowMillis;
    readings.addLast(new long[count + 1]);
    readings.peekFirst()[0] = startMillis;
  }

  /** Takes a reading now and returns it ({@code {time, totals…}}); null when a total went down. */
  public synchronized long[] record(long nowMillis) {
    long[] reading = read(nowMillis);
    long[] last = readings.peekLast();
    for (int i = 1; i <= width; i++) {
      if (reading[i] < last[i]) {
        readings.clear(); // a total went down: start over rather than answer nonsense
        long[] start = new long[width + 1];
        start[0] = nowMillis;
        readings.addLast(start);
        return null;
      }
    }
    readings.addLast(reading);
    long since = nowMillis - windowMillis;
    // drop readings that a younger one, still at least a window old, replaces as the base
    while (readings.size() > 2 && second()[0] <= since) {
      readings.removeFirst();
    }
    return reading;
  }

  /** The first total's increase per second over the window, from its value now (no reading is kept). */
  public synchronized double perSecond(long nowMillis) {
    long[] now = read(nowMillis);
    long[] base = base(nowMillis);
    double seconds = Math.max(1.0, (nowMillis - base[0]) / 1000.0);
    return Math.max(0, now[1] - base[1]) / seconds;
  }

  /**
   * Takes a reading and returns the second total's increase over the first's in the window
   * ({@code failed / requests}); null when the first did not increase (nothing to judge).
   */
  public synchronized Double ratio(long nowMillis) {
    long[] now = record(nowMillis);
    if (now == null) {
      return null;
    }
    long[] base = base(nowMillis);
    long all = now[1] - base[1];
    return all <= 0 ? null : (double) (now[2] - base[2]) / all;
  }

  private long[] read(long nowMillis) {
    long[] values = totals.get();
    long[] reading = new long[width + 1];
    reading[0] = nowMillis;
    System.arraycopy(values, 0, reading, 1, width);
    return reading;
  }

  /** The newest reading at least a window old, else the oldest kept (the start, while young). */
  private long[] base(long nowMillis) {
    long since = nowMillis - windowMillis;
    long[] base = readings.peekFirst();
    for (long[] reading : readings) {
      if (reading[0] <= since) {
        base = reading;
      } else {
        break;
      }
    }
    return base;
  }

  private long[] second() {
    Iterator<long[]> it = readings.iterator();
    it.next();
    return it.next();
  }
}
