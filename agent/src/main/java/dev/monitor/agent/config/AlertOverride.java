package dev.monitor.agent.config;

import java.time.Duration;

/**
 * What the settings say of one alert rule ({@code monitor.alerts.<rule>.*}); a null field means
 * "the rule's default".
 */
public final class AlertOverride {

  static final AlertOverride NONE = new AlertOverride(true, null, null, null, null);

  public final boolean enabled;
  public final Double threshold;
  public final Duration forDuration;
  public final String severity;
  /** For the rules whose ratio is taken over a settable window. */
  public final Duration window;

  AlertOverride(boolean enabled, Double threshold, Duration forDuration, String severity, Duration window) {
    this.enabled = enabled;
    this.threshold = threshold;
    this.forDuration = forDuration;
    this.severity = severity;
    this.window = window;
  }
}
