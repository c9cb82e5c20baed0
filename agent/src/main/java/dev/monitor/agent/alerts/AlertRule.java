package dev.monitor.agent.alerts;

import java.time.Duration;
import java.util.function.Function;
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
  /** The window a ratio is taken over; null for a rule whose window is fixed. */
  final Duration window;
  /** Makes the signal for a window; null for a rule whose window is fixed. */
  private final Function<Duration, Supplier<Double>> windowed;

  AlertRule(
      String name,
      String description,
      String unit,
      String severity,
      double threshold,
      Duration forDuration,
      Supplier<Double> signal) {
    this(name, description, unit, severity, threshold, forDuration, signal, null, null);
  }

  private AlertRule(
      String name,
      String description,
      String unit,
      String severity,
      double threshold,
      Duration forDuration,
      Supplier<Double> signal,
      Duration window,
      Function<Duration, Supplier<Double>> windowed) {
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.severity = severity;
    this.threshold = threshold;
    this.forDuration = forDuration;
    this.signal = signal;
    this.window = window;
    this.windowed = windowed;
  }

  /** A rule whose ratio is taken over a settable window. */
  static AlertRule windowed(
      String name,
      String description,
      String severity,
      double threshold,
      Duration forDuration,
      Duration window,
      Function<Duration, Supplier<Double>> signal) {
    return new AlertRule(
        name, description, "ratio", severity, threshold, forDuration, signal.apply(window), window, signal);
  }

  boolean windowSettable() {
    return windowed != null;
  }

  /** The same rule with settings applied (each null keeps the default; a window only where settable). */
  AlertRule with(Double threshold, Duration forDuration, String severity, Duration window) {
    boolean newWindow = window != null && windowed != null && !window.equals(this.window);
    return new AlertRule(
        name,
        description,
        unit,
        severity == null ? this.severity : severity,
        threshold == null ? this.threshold : threshold,
        forDuration == null ? this.forDuration : forDuration,
        newWindow ? windowed.apply(window) : signal,
        newWindow ? window : this.window,
        windowed);
  }
}
