package dev.monitor.agent.metrics;

/** Something the registry reads. Both methods run on the reader side under the registry lock. */
interface Instrument {

  /** Moves recorded values into reader-side state; a no-op for instruments read directly. */
  default void harvest(long nowMillis) {}

  MetricFamily collect(long nowMillis);
}
