package dev.monitor.agent.metrics;

/**
 * Something the registry reads. {@link #harvest} and {@link #collect} run on the reader side
 * under the registry lock; the descriptive methods are constant.
 */
interface Instrument {

  /** The OpenTelemetry name. */
  String name();

  /** UCUM, as OpenTelemetry writes it, or null. */
  String unit();

  MetricFamily.Kind kind();

  /** The attribute keys every series has, in order; null when the points choose their own. */
  String[] keys();

  /** Moves recorded values into reader-side state; a no-op for instruments read directly. */
  default void harvest(long nowMillis) {}

  MetricFamily collect(long nowMillis);
}
