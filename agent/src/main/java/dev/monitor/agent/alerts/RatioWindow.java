package dev.monitor.agent.alerts;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A ratio of two running totals (say failed requests over requests) over the last {@code window},
 * for a rule whose window is settable. Each read keeps the totals it saw; the ratio is the change
 * since the newest kept reading at least a window old, or since the agent started (when every
 * total was 0) while it has run less than a window. So it is exact to one evaluation interval,
 * and keeps three longs per evaluation in the window (720 for an hour at 5 s). Used by one
 * evaluation at a time.
 */
final class RatioWindow implements Supplier<Double> {

  /** Reads both totals at once: {@code {all, hits}}. */
  interface Totals {
    long[] read();
  }

  private final Totals totals;
  private final long windowMillis;
  private final LongSupplier clock;
  /** {time, all, hits}, oldest first. */
  private final ArrayDeque<long[]> readings = new ArrayDeque<>();

  RatioWindow(Totals totals, long windowMillis, LongSupplier clock) {
    this.totals = totals;
    this.windowMillis = windowMillis;
    this.clock = clock;
  }

  @Override
  public Double get() {
    long now = clock.getAsLong();
    long[] t = totals.read();
    long[] last = readings.peekLast();
    if (last != null && (t[0] < last[1] || t[1] < last[2])) {
      readings.clear(); // a total went down: start over rather than answer nonsense
      return null;
    }
    readings.addLast(new long[] {now, t[0], t[1]});
    long since = now - windowMillis;
    // drop readings that a younger one, still at least a window old, replaces as the base
    while (readings.size() > 2 && second()[0] <= since) {
      readings.removeFirst();
    }
    long[] oldest = readings.peekFirst();
    // the reading just added is younger than the window, so only an older one can be the base
    long[] base = oldest[0] <= since ? oldest : new long[] {0, 0, 0};
    long all = t[0] - base[1];
    return all <= 0 ? null : (double) (t[1] - base[2]) / all;
  }

  private long[] second() {
    java.util.Iterator<long[]> it = readings.iterator();
    it.next();
    return it.next();
  }
}
