package dev.monitor.agent.config;

import java.util.Locale;
import java.util.Map;

/**
 * Where a setting can come from, in the order that wins: system property, environment variable
 * ({@code monitor.db.slow-query-threshold} is {@code MONITOR_DB_SLOW_QUERY_THRESHOLD}), then the
 * properties file named by {@code monitor.config}. Immutable.
 */
final class SettingSources {

  final Map<String, String> systemProperties;
  final Map<String, String> environment;
  final Map<String, String> file;

  SettingSources(
      Map<String, String> systemProperties, Map<String, String> environment, Map<String, String> file) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.file = file;
  }

  /** The value of a full property name ({@code monitor.http.port}, {@code otel.service.name}), or null. */
  String lookup(String property) {
    String value = systemProperties.get(property);
    if (value == null) {
      value = environment.get(environmentName(property));
    }
    if (value == null) {
      value = file.get(property);
    }
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** Where {@link #lookup} found the property, for messages. */
  String origin(String property) {
    if (systemProperties.containsKey(property)) {
      return "system property " + property;
    }
    if (environment.containsKey(environmentName(property))) {
      return "environment variable " + environmentName(property);
    }
    return property + " in the monitor.config file";
  }

  static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
