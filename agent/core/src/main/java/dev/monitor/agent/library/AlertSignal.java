package dev.monitor.agent.library;

import java.util.function.Supplier;

/**
 * A figure an alert rule judges, as a library supplies it: either a value as it is now (a p95 of
 * the last minute, a pool's usage) or two running totals (requests and failed requests) that the
 * rule turns into a ratio over its own window. Immutable; the suppliers run on the alert thread
 * and answer null (or, for totals, zeros) when there is nothing to judge.
 */
public final class AlertSignal {

  /** Null for a ratio of totals. */
  public final Supplier<Double> now;
  /** {@code {all, hits}} since start; null for a value. */
  public final Supplier<long[]> totals;

  private AlertSignal(Supplier<Double> now, Supplier<long[]> totals) {
    this.now = now;
    this.totals = totals;
  }

  /** A value read as it is now; null when there is nothing to judge. */
  public static AlertSignal now(Supplier<Double> value) {
    return new AlertSignal(value, null);
  }

  /** Two monotonic totals {@code {all, hits}}; the rule judges hits over all in its window. */
  public static AlertSignal ratioOfTotals(Supplier<long[]> totals) {
    return new AlertSignal(null, totals);
  }
}
