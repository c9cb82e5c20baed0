package dev.monitor.agent.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The agent's configuration, validated once at start and then sealed: every field is final and
 * already holds a safe value (a bad setting was replaced by its default with a warning).
 * Thread-safe because immutable.
 */
public final class Settings {

  public final String serviceName;
  /** Null when neither set nor found in the main jar's manifest. */
  public final String serviceVersion;
  /** The monitor port: where, who may read it, its limits. */
  public final HttpServerSettings http;
  /** Null when OTLP export is not configured. */
  public final String otlpEndpoint;
  public final String otlpProtocol;
  public final Duration otlpInterval;
  public final Map<String, String> otlpHeaders;
  /** How long one export may take before it is abandoned. */
  public final Duration otlpTimeout;
  /** {@code gzip} or {@code none}. */
  public final String otlpCompression;
  /** {@code cumulative} or {@code delta} (counters and histograms; up-down counters stay cumulative). */
  public final String otlpTemporality;
  public final Map<String, String> resourceAttributes;
  public final Duration slowQueryThreshold;
  public final int seriesLimit;
  public final boolean debug;
  private final Set<String> disabledInstrumentations;
  public final boolean alertsEnabled;
  public final Duration alertsInterval;
  private final Map<String, AlertOverride> alertOverrides;
  /** Null when no webhook is set. */
  public final WebhookSettings alertWebhook;

  Settings(
      String serviceName,
      String serviceVersion,
      HttpServerSettings http,
      String otlpEndpoint,
      String otlpProtocol,
      Duration otlpInterval,
      Map<String, String> otlpHeaders,
      Duration otlpTimeout,
      String otlpCompression,
      String otlpTemporality,
      Map<String, String> resourceAttributes,
      Duration slowQueryThreshold,
      int seriesLimit,
      boolean debug,
      Set<String> disabledInstrumentations,
      boolean alertsEnabled,
      Duration alertsInterval,
      Map<String, AlertOverride> alertOverrides,
      WebhookSettings alertWebhook) {
    this.serviceName = serviceName;
    this.serviceVersion = serviceVersion;
    this.http = http;
    this.otlpEndpoint = otlpEndpoint;
    this.otlpProtocol = otlpProtocol;
    this.otlpInterval = otlpInterval;
    this.otlpHeaders = otlpHeaders;
    this.otlpTimeout = otlpTimeout;
    this.otlpCompression = otlpCompression;
    this.otlpTemporality = otlpTemporality;
    this.resourceAttributes = resourceAttributes;
    this.slowQueryThreshold = slowQueryThreshold;
    this.seriesLimit = seriesLimit;
    this.debug = debug;
    this.disabledInstrumentations = disabledInstrumentations;
    this.alertsEnabled = alertsEnabled;
    this.alertsInterval = alertsInterval;
    this.alertOverrides = alertOverrides;
    this.alertWebhook = alertWebhook;
  }

  /** {@code monitor.alerts.<rule>.*}: what is set for one alert rule (fields null when unset). */
  public AlertOverride alert(String rule) {
    return alertOverrides.getOrDefault(rule, AlertOverride.NONE);
  }

  /** {@code monitor.instrumentation.<name>.enabled}, true unless set to false. */
  public boolean instrumentationEnabled(String name) {
    return !disabledInstrumentations.contains(name);
  }
}
