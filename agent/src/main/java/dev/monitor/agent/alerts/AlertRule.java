package dev.monitor.agent.alerts;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One alert rule: a signal read from the metric core, a threshold it must stay above for a
 * duration before the alert fires, and a severity. The signal answers null when there is
 * nothing to judge (no requests in the last minute, no pool yet): the rule then is not crossed.
 */
public final class AlertRule {

  public static final String WARNING = "warning";
  public static final String CRITICAL = "critical";

  final String name;
  final String description;
  final String unit;
  final String severity;
  final double threshold;
  final Duration forDuration;
  final Supplier<Double> signal;

  AlertRule(
      String name,
      String description,
      String unit,
      String severity,
      double threshold,
      Duration forDuration,
      Supplier<Double> signal) {
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.severity = severity;
    this.threshold = threshold;
    this.forDuration = forDuration;
    this.signal = signal;
  }

  /** The same rule with settings applied (each null keeps the default). */
  AlertRule with(Double threshold, Duration forDuration, String severity) {
    return new AlertRule(
        name,
        description,
        unit,
        severity == null ? this.severity : severity,
        threshold == null ? this.threshold : threshold,
        forDuration == null ? this.forDuration : forDuration,
        signal);
  }
}
