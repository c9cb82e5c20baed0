package dev.monitor.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads and validates every setting once. A wrong value never stops the service: it gets one
 * warning that names the setting, what was wrong and the default used instead.
 */
public final class SettingsLoader {

  static final String PREFIX = SettingKey.PREFIX;
  static final int DEFAULT_PORT = 9464;
  static final int DEFAULT_SERIES_LIMIT = 300;
  static final int DEFAULT_MAX_CONNECTIONS = 256;
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  /** The paths {@code monitor.http.token.exempt} may name: probes that reveal nothing but a status. */
  static final List<String> EXEMPTABLE_PATHS = Arrays.asList("/health/live", "/health/ready");
  /** A config file larger than this is not a properties file someone wrote. */
  static final long MAX_CONFIG_FILE_BYTES = 1 << 20;

  /** What each alert rule lets a setting change: {@code monitor.alerts.<rule>.<field>}. */
  private static final List<String> ALERT_FIELDS = Arrays.asList("enabled", "threshold", "for", "severity", "window");

  private final SettingSources sources;
  private final Collection<String> instrumentationNames;
  private final Collection<String> alertRules;
  /** The core's settings and the libraries'. */
  private final List<SettingKey> table;
  private final Consumer<String> warnings;

  SettingsLoader(
      SettingSources sources, Collection<String> instrumentationNames, Consumer<String> warnings) {
    this(sources, instrumentationNames, Collections.emptyList(), Collections.emptyList(), warnings);
  }

  SettingsLoader(
      SettingSources sources,
      Collection<String> instrumentationNames,
      Collection<String> alertRules,
      List<SettingKey> libraryKeys,
      Consumer<String> warnings) {
    this.sources = sources;
    this.table = SettingsTable.with(libraryKeys);
    this.instrumentationNames = instrumentationNames;
    this.alertRules = alertRules;
    this.warnings = warnings;
  }

  /** Loads from this JVM's system properties, environment and {@code monitor.config} file. */
  public static Settings load(
      Collection<String> instrumentationNames, Collection<String> alertRules, List<SettingKey> libraryKeys,
      Consumer<String> warnings) {
    Map<String, String> system = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      system.put(name, System.getProperty(name));
    }
    Map<String, String> environment = System.getenv();
    SettingSources withoutFile = new SettingSources(system, environment, Collections.emptyMap());
    Map<String, String> file = readFile(withoutFile.lookup(PREFIX + "config"), warnings);
    return new SettingsLoader(
            new SettingSources(system, environment, file), instrumentationNames, alertRules, libraryKeys, warnings)
        .load();
  }

  Settings load() {
    warnAboutUnknownKeys();
    // Each declared setting is read (and warned about) once, here.
    Map<SettingKey, Object> values = new HashMap<>();
    for (SettingKey setting : table) {
      if (!setting.isFamily()) {
        values.put(setting, value(setting));
      }
    }
    String serviceName = (String) values.get(SettingsTable.SERVICE_NAME);
    String serviceVersion = (String) values.get(SettingsTable.SERVICE_VERSION);
    if (serviceName == null || serviceVersion == null) {
      MainApplication main = MainApplication.detect();
      serviceName = serviceName != null ? serviceName : main.name;
      serviceVersion = serviceVersion != null ? serviceVersion : main.version;
    }
    Set<String> disabled = new HashSet<>();
    for (String name : instrumentationNames) {
      if (!bool(instrumentationKey(name), true)) {
        disabled.add(name);
      }
    }
    return new Settings(
        values, serviceName, serviceVersion, http(values), Collections.unmodifiableSet(disabled), alertOverrides(),
        webhook(values));
  }

  /**
   * The value of a declared setting, read as its kind says, cleaned (trimmed), or its default
   * with one warning when it is wrong.
   */
  Object value(SettingKey setting) {
    String key = setting.key;
    switch (setting.kind) {
      case BOOLEAN:
        return bool(key, (Boolean) setting.fallback);
      case PORT:
        return port(key, (Integer) setting.fallback);
      case DURATION:
        return duration(key, (Duration) setting.fallback);
      case INTEGER:
        return intBetween(key, (Integer) setting.fallback, setting.min, setting.max);
      case CHOICE:
        return oneOf(key, (String) setting.fallback, setting.choices.toArray(new String[0]));
      case KEY_VALUES:
        return keyValues(key);
      case LIST:
        return list(key);
      default:
        return text(key, (String) setting.fallback);
    }
  }

  @SuppressWarnings("unchecked")
  private HttpServerSettings http(Map<SettingKey, Object> values) {
    String token = (String) values.get(SettingsTable.HTTP_TOKEN);
    if (token != null && token.length() < 16) {
      warnings.accept(
          origin("http.token") + " is only " + token.length()
              + " characters long; it is used, but a random token of 32 or more characters is safer");
    }
    Set<String> exempt = new LinkedHashSet<>();
    for (String path : (List<String>) values.get(SettingsTable.HTTP_TOKEN_EXEMPT)) {
      if (EXEMPTABLE_PATHS.contains(path)) {
        exempt.add(path);
      } else {
        warnings.accept(
            origin("http.token.exempt") + ": '" + path + "' cannot be exempt from the token; only "
                + String.join(" and ", EXEMPTABLE_PATHS) + " can");
      }
    }
    if (!exempt.isEmpty() && token == null) {
      warnings.accept(origin("http.token.exempt") + " has no effect: monitor.http.token is not set");
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String host : (List<String>) values.get(SettingsTable.HTTP_ALLOWED_HOSTS)) {
      hosts.add(host.toLowerCase(Locale.ROOT));
    }
    return new HttpServerSettings(
        (Boolean) values.get(SettingsTable.HTTP_ENABLED),
        (String) values.get(SettingsTable.HTTP_HOST),
        (Integer) values.get(SettingsTable.HTTP_PORT),
        token,
        Collections.unmodifiableSet(exempt),
        Collections.unmodifiableSet(hosts),
        (Integer) values.get(SettingsTable.HTTP_MAX_CONNECTIONS),
        (Duration) values.get(SettingsTable.HTTP_REQUEST_TIMEOUT));
  }

  /** A comma-separated list, trimmed, without empty entries. */
  private List<String> list(String key) {
    String value = raw(key);
    List<String> out = new java.util.ArrayList<>();
    if (value != null) {
      for (String part : value.split(",")) {
        if (!part.trim().isEmpty()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  /** Null when no webhook is set, or when the URL is not one (with a warning). */
  @SuppressWarnings("unchecked")
  private WebhookSettings webhook(Map<SettingKey, Object> values) {
    String url = (String) values.get(SettingsTable.WEBHOOK_URL);
    if (url == null || url.trim().isEmpty()) {
      return null;
    }
    url = url.trim();
    if (!WebhookSettings.isHttpUrl(url)) {
      warnings.accept(
          origin("alerts.webhook.url") + "='" + url
              + "' is not an http or https URL; alerts are not posted anywhere");
      return null;
    }
    return new WebhookSettings(
        url,
        (Duration) values.get(SettingsTable.WEBHOOK_TIMEOUT),
        (Integer) values.get(SettingsTable.WEBHOOK_RETRIES),
        (Map<String, String>) values.get(SettingsTable.WEBHOOK_HEADERS));
  }

  private Map<String, AlertOverride> alertOverrides() {
    Map<String, AlertOverride> overrides = new LinkedHashMap<>();
    for (String rule : alertRules) {
      String base = "alerts." + rule + ".";
      Double threshold = null;
      String value = raw(base + "threshold");
      if (value != null) {
        try {
          double parsed = Double.parseDouble(value.trim());
          if (parsed >= 0 && !Double.isNaN(parsed) && !Double.isInfinite(parsed)) {
            threshold = parsed;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        if (threshold == null) {
          warnBad(base + "threshold", value, "a number of 0 or more", "of the rule");
        }
      }
      Duration forDuration = null;
      String forValue = raw(base + "for");
      if (forValue != null) {
        forDuration = Durations.parse(forValue);
        if (forDuration == null || forDuration.isNegative()) {
          warnBad(base + "for", forValue, "a duration such as 0s, 30s or 5m", "of the rule");
          forDuration = null;
        }
      }
      String severity = raw(base + "severity");
      if (severity != null) {
        severity = severity.trim().toLowerCase(Locale.ROOT);
        if (!severity.equals("warning") && !severity.equals("critical")) {
          warnBad(base + "severity", raw(base + "severity"), "warning or critical", "of the rule");
          severity = null;
        }
      }
      Duration window = null;
      String windowValue = raw(base + "window");
      if (windowValue != null) {
        window = Durations.parse(windowValue);
        if (window == null || window.compareTo(Duration.ofSeconds(10)) < 0 || window.compareTo(Duration.ofHours(24)) > 0) {
          warnBad(base + "window", windowValue, "a duration from 10s to 24h such as 5m", "of the rule");
          window = null;
        }
      }
      overrides.put(
          rule,
          new AlertOverride(
              bool(base + "enabled", true),
              threshold,
              forDuration,
              severity,
              window));
    }
    return Collections.unmodifiableMap(overrides);
  }

  static String instrumentationKey(String name) {
    return "instrumentation." + name + ".enabled";
  }

  private String raw(String key) {
    String value = sources.lookup(PREFIX + key);
    String alias = alias(key);
    if (value == null && alias != null) {
      value = sources.lookup(alias);
    }
    return value;
  }

  private String origin(String key) {
    String property = PREFIX + key;
    String alias = alias(key);
    if (sources.lookup(property) == null && alias != null) {
      property = alias;
    }
    return sources.origin(property);
  }

  private String alias(String key) {
    SettingKey setting = SettingsTable.byKey(table, key);
    return setting == null ? null : setting.otelAlias;
  }

  private String text(String key, String fallback) {
    String value = raw(key);
    return value == null ? fallback : value;
  }

  /** One of {@code allowed} (case-insensitive), or the fallback with a warning. */
  private String oneOf(String key, String fallback, String... allowed) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value.trim())) {
        return a;
      }
    }
    warnBad(key, value, String.join(" or ", allowed), fallback);
    return fallback;
  }

  private boolean bool(String key, boolean fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
    }
    warnBad(key, value, "true or false", String.valueOf(fallback));
    return fallback;
  }

  private int port(String key, int fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    warnBad(key, value, "a port number from 0 to 65535", String.valueOf(fallback));
    return fallback;
  }

  private int intBetween(String key, int fallback, int min, int max) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String expected = max == Integer.MAX_VALUE
        ? "a whole number above " + (min - 1)
        : "a whole number from " + min + " to " + max;
    warnBad(key, value, expected, String.valueOf(fallback));
    return fallback;
  }

  private Duration duration(String key, Duration fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    Duration parsed = Durations.parse(value);
    if (parsed == null || parsed.isZero()) {
      warnBad(
          key,
          value,
          "a duration above zero such as 250ms, 5s or 1m",
          fallback.toMillis() % 1000 == 0 ? fallback.getSeconds() + "s" : fallback.toMillis() + "ms");
      return fallback;
    }
    return parsed;
  }

  /** The OpenTelemetry list format {@code k1=v1,k2=v2}; malformed entries are skipped with a warning. */
  private Map<String, String> keyValues(String key) {
    String value = raw(key);
    if (value == null) {
      return Collections.emptyMap();
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        if (!entry.trim().isEmpty()) {
          warnings.accept(origin(key) + ": ignoring '" + entry.trim() + "', expected key=value");
        }
        continue;
      }
      result.put(entry.substring(0, eq).trim(), decode(entry.substring(eq + 1).trim()));
    }
    return Collections.unmodifiableMap(result);
  }

  private static String decode(String value) {
    try {
      return java.net.URLDecoder.decode(value, "UTF-8");
    } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
      return value;
    }
  }

  private void warnBad(String key, String value, String expected, String fallback) {
    warnings.accept(
        origin(key) + "='" + value + "' is not " + expected + "; using the default " + fallback);
  }

  private void warnAboutUnknownKeys() {
    Set<String> known = new HashSet<>();
    for (String key : SettingsTable.plainKeys(table)) {
      known.add(PREFIX + key);
    }
    for (String rule : alertRules) {
      for (String field : ALERT_FIELDS) {
        known.add(PREFIX + "alerts." + rule + "." + field);
      }
    }
    for (String name : instrumentationNames) {
      known.add(PREFIX + instrumentationKey(name));
    }
    Set<String> knownEnvironment = new HashSet<>();
    for (String property : known) {
      knownEnvironment.add(SettingSources.environmentName(property));
    }
    Set<String> unknown = new TreeSet<>();
    for (String name : sources.systemProperties.keySet()) {
      if (name.startsWith(PREFIX) && !known.contains(name)) {
        unknown.add("system property " + name);
      }
    }
    for (String name : sources.environment.keySet()) {
      if (name.startsWith("MONITOR_") && !knownEnvironment.contains(name)) {
        unknown.add("environment variable " + name);
      }
    }
    for (String name : sources.file.keySet()) {
      if (!known.contains(name) && !SettingsTable.otelAliases(table).contains(name)) {
        unknown.add(name + " in the monitor.config file");
      }
    }
    for (String where : unknown) {
      warnings.accept(
          "unknown setting " + where + " is ignored; known settings are "
              + SettingsTable.knownKeysText(table, instrumentationNames, alertRules, ALERT_FIELDS));
    }
  }

  static Map<String, String> readFile(String path, Consumer<String> warnings) {
    if (path == null) {
      return Collections.emptyMap();
    }
    java.nio.file.Path file;
    try {
      file = Paths.get(path);
      // A FIFO or device would block premain (and so the application) on open or read.
      if (!Files.isRegularFile(file)) {
        warnings.accept(
            "the monitor.config file '" + path + "' is not a regular file (missing, a folder, a pipe or a device);"
                + " continuing with system properties, environment and defaults");
        return Collections.emptyMap();
      }
      if (Files.size(file) > MAX_CONFIG_FILE_BYTES) {
        warnings.accept(
            "the monitor.config file '" + path + "' is larger than " + MAX_CONFIG_FILE_BYTES
                + " bytes; it is not read. Continuing with system properties, environment and defaults");
        return Collections.emptyMap();
      }
    } catch (IOException | RuntimeException e) {
      warnings.accept(
          "cannot read the monitor.config file '" + path + "' (" + e
              + "); continuing with system properties, environment and defaults");
      return Collections.emptyMap();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException | RuntimeException e) {
      warnings.accept(
          "cannot read the monitor.config file '" + path + "' (" + e
              + "); continuing with system properties, environment and defaults");
      return Collections.emptyMap();
    }
    Map<String, String> values = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return values;
  }
}
