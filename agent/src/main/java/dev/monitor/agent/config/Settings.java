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
  public final int seriesLimit;
  public final boolean debug;
  /** {@code /metrics/history}: one point per step, back as far as the length. */
  public final Duration historyStep;
  public final Duration historyLength;
  private final Set<String> disabledInstrumentations;
  /** Every declared setting's value, for the libraries' own settings. */
  private final Map<SettingKey, Object> values;
  public final boolean alertsEnabled;
  public final Duration alertsInterval;
  private final Map<String, AlertOverride> alertOverrides;
  /** Null when no webhook is set. */
  public final WebhookSettings alertWebhook;

  /**
   * From the values the loader read ({@link SettingsTable}'s keys, each already of its kind's
   * type and valid) and the settings it had to work out.
   */
  Settings(
      Map<SettingKey, Object> values,
      String serviceName,
      String serviceVersion,
      HttpServerSettings http,
      Set<String> disabledInstrumentations,
      Map<String, AlertOverride> alertOverrides,
      WebhookSettings alertWebhook) {
    this.serviceName = serviceName;
    this.serviceVersion = serviceVersion;
    this.http = http;
    this.otlpEndpoint = (String) values.get(SettingsTable.OTLP_ENDPOINT);
    this.otlpProtocol = (String) values.get(SettingsTable.OTLP_PROTOCOL);
    this.otlpInterval = (Duration) values.get(SettingsTable.OTLP_INTERVAL);
    this.otlpHeaders = stringMap(values.get(SettingsTable.OTLP_HEADERS));
    this.otlpTimeout = (Duration) values.get(SettingsTable.OTLP_TIMEOUT);
    this.otlpCompression = (String) values.get(SettingsTable.OTLP_COMPRESSION);
    this.otlpTemporality = (String) values.get(SettingsTable.OTLP_TEMPORALITY);
    this.resourceAttributes = stringMap(values.get(SettingsTable.RESOURCE_ATTRIBUTES));
    this.seriesLimit = (Integer) values.get(SettingsTable.SERIES_LIMIT);
    this.debug = (Boolean) values.get(SettingsTable.DEBUG);
    this.historyStep = (Duration) values.get(SettingsTable.HISTORY_STEP);
    this.historyLength = (Duration) values.get(SettingsTable.HISTORY_LENGTH);
    this.disabledInstrumentations = disabledInstrumentations;
    this.values = values;
    this.alertsEnabled = (Boolean) values.get(SettingsTable.ALERTS_ENABLED);
    this.alertsInterval = (Duration) values.get(SettingsTable.ALERTS_INTERVAL);
    this.alertOverrides = alertOverrides;
    this.alertWebhook = alertWebhook;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> stringMap(Object value) {
    return (Map<String, String>) value;
  }

  /** The value of a declared setting (a library's), valid and of its kind's type; null when it has no default. */
  public Object value(SettingKey key) {
    return values.get(key);
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
