package dev.monitor.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Every setting the agent reads, in the order the README lists them: the one place a new
 * setting is declared. The loader's known keys, the environment names, the OpenTelemetry
 * aliases and the README's settings table ({@link #markdown}, checked against README.md by a
 * test) all come from here. Immutable.
 */
public final class SettingsTable {

  static final SettingKey SERVICE_NAME =
      SettingKey.text("service.name", null, "`service` in every answer, `service_name` on `target_info`")
          .shown("the main jar's name (without `.jar`) or the main class's simple name; `tomcat` or `jetty` under their own launchers").otel("otel.service.name");
  static final SettingKey SERVICE_VERSION =
      SettingKey.text("service.version", null, "").shown("the main jar's `Implementation-Version`");
  static final SettingKey HTTP_PORT =
      SettingKey.port("http.port", SettingsLoader.DEFAULT_PORT, "the embedded port; `0` picks a free one (logged)");
  static final SettingKey HTTP_HOST = SettingKey.text("http.host", "0.0.0.0", "");
  static final SettingKey HTTP_ENABLED = SettingKey.bool("http.enabled", true, "`false`: no endpoints at all");
  static final SettingKey HTTP_TOKEN =
      SettingKey.text("http.token", null,
          "a bearer token every request must carry (`Authorization: Bearer …`); see [A safe production setup](#a-safe-production-setup)");
  static final SettingKey HTTP_TOKEN_EXEMPT =
      SettingKey.list("http.token.exempt",
          "`/health/live` and/or `/health/ready` (comma-separated): probes that need no token; other paths are refused with a warning");
  static final SettingKey HTTP_ALLOWED_HOSTS =
      SettingKey.list("http.allowed-hosts",
          "names accepted in `Host` besides IP literals and `localhost` when the port is bound to loopback");
  static final SettingKey HTTP_MAX_CONNECTIONS =
      SettingKey.integer("http.max-connections", SettingsLoader.DEFAULT_MAX_CONNECTIONS, 8, 100_000,
          "connections open at once (8 to 100000); a new one closes the oldest that is not being served");
  static final SettingKey HTTP_REQUEST_TIMEOUT =
      SettingKey.duration("http.request-timeout", SettingsLoader.DEFAULT_REQUEST_TIMEOUT,
          "how long a request head may take to arrive; a stalled one gets 408 and is closed");
  static final SettingKey OTLP_ENDPOINT =
      SettingKey.text("otlp.endpoint", null,
          "OTLP export to this collector (`http://collector:4318`; `/v1/metrics` is added unless given); see [OTLP export](#otlp-export)")
          .otel("otel.exporter.otlp.endpoint");
  static final SettingKey OTLP_PROTOCOL =
      SettingKey.choice("otlp.protocol", "or `grpc` (the collector's port 4317; `https://` for TLS)", "http/protobuf", "grpc")
          .otel("otel.exporter.otlp.protocol");
  static final SettingKey OTLP_INTERVAL =
      SettingKey.duration("otlp.interval", Duration.ofSeconds(30), "how often the metrics are exported");
  static final SettingKey OTLP_HEADERS =
      SettingKey.keyValues("otlp.headers", "`k1=v1,k2=v2`, sent with every export (API keys, tenants)")
          .otel("otel.exporter.otlp.headers");
  static final SettingKey OTLP_TIMEOUT =
      SettingKey.duration("otlp.timeout", Duration.ofSeconds(10), "how long one export may take before it is abandoned");
  static final SettingKey OTLP_COMPRESSION =
      SettingKey.choice("otlp.compression", "or `none`", "gzip", "none").otel("otel.exporter.otlp.compression");
  static final SettingKey OTLP_TEMPORALITY =
      SettingKey.choice("otlp.temporality",
              "or `delta` (counters and histograms; up-down counters and gauges stay as they are)", "cumulative", "delta")
          .otel("otel.exporter.otlp.metrics.temporality.preference");
  static final SettingKey RESOURCE_ATTRIBUTES =
      SettingKey.keyValues("resource.attributes", "`k1=v1,k2=v2`, added to `target_info`").otel("otel.resource.attributes");
  static final SettingKey SERIES_LIMIT =
      SettingKey.integer("metrics.series-limit", SettingsLoader.DEFAULT_SERIES_LIMIT, 1, Integer.MAX_VALUE,
          "series per instrument (and routes) before new values fold: routes, tables and namespaces become `other`, status and"
              + " error type stay (see [What a request is](#what-a-request-is-and-what-its-attributes-are))");
  static final SettingKey INSTRUMENTATION_ENABLED =
      SettingKey.bool("instrumentation.<name>.enabled", true, "%s; `false` leaves those classes untransformed");
  static final SettingKey ALERTS_ENABLED =
      SettingKey.bool("alerts.enabled", true, "`false`: no alert rule is evaluated; see [Alerts](#alerts)");
  static final SettingKey ALERTS_INTERVAL =
      SettingKey.duration("alerts.interval", Duration.ofSeconds(5), "how often the alert rules are evaluated");
  static final SettingKey ALERT_RULE =
      SettingKey.text("alerts.<rule>.<field>", null, "change one rule, or switch it off; see [Alerts](#alerts)")
          .shown("each rule's own")
          .shownAs("`monitor.alerts.<rule>.threshold` / `.for` / `.severity` / `.window` / `.enabled`");
  static final SettingKey WEBHOOK_URL =
      SettingKey.text("alerts.webhook.url", null,
              "an http or https URL that gets a JSON POST (with Slack's `text`) when an alert fires or resolves;"
                  + " see [Notifications](#notifications-the-webhook)")
          .shown("none");
  static final SettingKey WEBHOOK_TIMEOUT =
      SettingKey.duration("alerts.webhook.timeout", Duration.ofSeconds(5), "to connect, and again for the answer, per attempt");
  static final SettingKey WEBHOOK_RETRIES =
      SettingKey.integer("alerts.webhook.retries", 3, 0, 10,
          "attempts after the first (0 to 10) when the receiver is down, times out or answers 408, 429 or 5xx");
  static final SettingKey WEBHOOK_HEADERS =
      SettingKey.keyValues("alerts.webhook.headers",
              "`k=v,k2=v2` (values URL-encoded) sent with each POST, e.g. `Authorization=Bearer%20…`")
          .shown("none");
  static final SettingKey HISTORY_STEP =
      SettingKey.duration("history.step", Duration.ofSeconds(10),
          "how often `/metrics/history` takes a point of each series (see [History](#history-metricshistory))");
  static final SettingKey HISTORY_LENGTH =
      SettingKey.duration("history.length", Duration.ofHours(1),
          "how far back `/metrics/history` reaches; with the step it fixes the memory (360 points a series by default)");
  static final SettingKey DEBUG = SettingKey.bool("debug", false, "debug lines from the agent");
  static final SettingKey CONFIG =
      SettingKey.text("config", null,
          "path of a properties file with any of the above: a regular file of at most 1 MiB (a pipe, a device or a folder"
              + " is not read, with a warning)");

  /** The core's settings in the README's order; the libraries' follow ({@link #with}). */
  static final List<SettingKey> CORE =
      Collections.unmodifiableList(Arrays.asList(
          SERVICE_NAME, SERVICE_VERSION, HTTP_PORT, HTTP_HOST, HTTP_ENABLED, HTTP_TOKEN, HTTP_TOKEN_EXEMPT,
          HTTP_ALLOWED_HOSTS, HTTP_MAX_CONNECTIONS, HTTP_REQUEST_TIMEOUT, OTLP_ENDPOINT, OTLP_PROTOCOL,
          OTLP_INTERVAL, OTLP_HEADERS, OTLP_TIMEOUT, OTLP_COMPRESSION, OTLP_TEMPORALITY, RESOURCE_ATTRIBUTES,
          SERIES_LIMIT, INSTRUMENTATION_ENABLED, ALERTS_ENABLED, ALERTS_INTERVAL,
          ALERT_RULE, WEBHOOK_URL, WEBHOOK_TIMEOUT, WEBHOOK_RETRIES, WEBHOOK_HEADERS, HISTORY_STEP, HISTORY_LENGTH, DEBUG,
          CONFIG));

  private SettingsTable() {}

  /** The core's settings, then each library's ({@code libraryKeys}, as the libraries declare them). */
  static List<SettingKey> with(List<SettingKey> libraryKeys) {
    List<SettingKey> all = new ArrayList<>(CORE);
    all.addAll(libraryKeys);
    return Collections.unmodifiableList(all);
  }

  /** The plain keys (without {@code monitor.}), families left out. */
  static List<String> plainKeys(List<SettingKey> table) {
    List<String> keys = new ArrayList<>();
    for (SettingKey setting : table) {
      if (!setting.isFamily()) {
        keys.add(setting.key);
      }
    }
    return keys;
  }

  /** The setting with this plain key, or null. */
  static SettingKey byKey(List<SettingKey> table, String key) {
    for (SettingKey setting : table) {
      if (setting.key.equals(key)) {
        return setting;
      }
    }
    return null;
  }

  /** Every {@code otel.*} property honoured. */
  static List<String> otelAliases(List<SettingKey> table) {
    List<String> aliases = new ArrayList<>();
    for (SettingKey setting : table) {
      if (setting.otelAlias != null) {
        aliases.add(setting.otelAlias);
      }
    }
    return aliases;
  }

  /** The README's settings table, given the instrumentation folders' names and the libraries' settings. */
  public static String markdown(Collection<String> instrumentationNames, List<SettingKey> libraryKeys) {
    StringBuilder out = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
    List<String> names = new ArrayList<>();
    for (String name : new TreeSet<>(instrumentationNames)) {
      names.add("`" + name + "`");
    }
    for (SettingKey setting : with(libraryKeys)) {
      String meaning = setting == INSTRUMENTATION_ENABLED
          ? String.format(setting.meaning, String.join(", ", names))
          : setting.meaning;
      out.append("| ").append(setting.shownKey != null ? setting.shownKey : "`" + setting.property() + "`")
          .append(" | ").append(setting.defaultText())
          .append(" |").append(meaning.isEmpty() ? "" : " " + meaning).append(" |\n");
    }
    return out.toString();
  }

  /** For messages: every key a user may set. */
  static String knownKeysText(
      List<SettingKey> table, Collection<String> instrumentationNames, Collection<String> alertRules,
      List<String> alertFields) {
    return SettingsLoader.PREFIX + String.join(", " + SettingsLoader.PREFIX, plainKeys(table))
        + ", monitor.instrumentation.<name>.enabled for " + String.join(", ", new TreeSet<>(instrumentationNames))
        + " and monitor.alerts.<rule>." + String.join("|", alertFields) + " for " + String.join(", ", alertRules);
  }
}
