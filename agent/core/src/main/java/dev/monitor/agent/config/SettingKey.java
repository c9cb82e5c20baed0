package dev.monitor.agent.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One declared setting: its key (after {@code monitor.}), how its value is read, its default,
 * what it means (the README's settings table is generated from these), and the OpenTelemetry
 * setting that means the same, if any. A key with {@code <…>} in it stands for a family of keys
 * ({@code instrumentation.<name>.enabled}) that the loader expands. Immutable.
 */
public final class SettingKey {

  /** Every setting's property starts with this. */
  public static final String PREFIX = "monitor.";

  /** How a value is read; a wrong one gets one warning and the default. */
  enum Kind {
    TEXT,
    BOOLEAN,
    PORT,
    /** Above zero: {@code 250ms}, {@code 5s}, {@code 1m}. */
    DURATION,
    /** A whole number from {@link #min} to {@link #max}. */
    INTEGER,
    /** One of {@link #choices}, case-insensitive. */
    CHOICE,
    /** {@code k1=v1,k2=v2}, values URL-decoded. */
    KEY_VALUES,
    /** Comma-separated, trimmed. */
    LIST
  }

  final String key;
  final Kind kind;
  /** The default value, of the kind's type (String, Boolean, Integer, Duration…), or null for none. */
  final Object fallback;
  /** The default as the README shows it, when the value cannot say it (a detected name). */
  final String shownDefault;
  /** The key as the README shows it, for a family of keys; null for the plain key. */
  final String shownKey;
  final String meaning;
  /** The OpenTelemetry property honoured when the monitor key is unset, or null. */
  final String otelAlias;
  final int min;
  final int max;
  final List<String> choices;

  private SettingKey(
      String key, Kind kind, Object fallback, String shownDefault, String shownKey, String meaning,
      String otelAlias, int min, int max, List<String> choices) {
    this.key = key;
    this.kind = kind;
    this.fallback = fallback;
    this.shownDefault = shownDefault;
    this.shownKey = shownKey;
    this.meaning = meaning;
    this.otelAlias = otelAlias;
    this.min = min;
    this.max = max;
    this.choices = choices;
  }

  public static SettingKey text(String key, String fallback, String meaning) {
    return new SettingKey(key, Kind.TEXT, fallback, null, null, meaning, null, 0, 0, Collections.emptyList());
  }

  public static SettingKey bool(String key, boolean fallback, String meaning) {
    return new SettingKey(key, Kind.BOOLEAN, fallback, null, null, meaning, null, 0, 0, Collections.emptyList());
  }

  public static SettingKey port(String key, int fallback, String meaning) {
    return new SettingKey(key, Kind.PORT, fallback, null, null, meaning, null, 0, 65535, Collections.emptyList());
  }

  public static SettingKey duration(String key, Duration fallback, String meaning) {
    return new SettingKey(key, Kind.DURATION, fallback, null, null, meaning, null, 0, 0, Collections.emptyList());
  }

  public static SettingKey integer(String key, int fallback, int min, int max, String meaning) {
    return new SettingKey(key, Kind.INTEGER, fallback, null, null, meaning, null, min, max, Collections.emptyList());
  }

  public static SettingKey choice(String key, String meaning, String... choices) {
    return new SettingKey(key, Kind.CHOICE, choices[0], null, null, meaning, null, 0, 0, Arrays.asList(choices));
  }

  public static SettingKey keyValues(String key, String meaning) {
    return new SettingKey(key, Kind.KEY_VALUES, null, null, null, meaning, null, 0, 0, Collections.emptyList());
  }

  public static SettingKey list(String key, String meaning) {
    return new SettingKey(key, Kind.LIST, null, null, null, meaning, null, 0, 0, Collections.emptyList());
  }

  /** As this, honouring {@code alias} (an {@code otel.*} property) when the monitor key is unset. */
  SettingKey otel(String alias) {
    return new SettingKey(key, kind, fallback, shownDefault, shownKey, meaning, alias, min, max, choices);
  }

  /** As this, with the default shown as {@code text} in the README (a value found at start). */
  SettingKey shown(String text) {
    return new SettingKey(key, kind, fallback, text, shownKey, meaning, otelAlias, min, max, choices);
  }

  /** As this, with the key shown as {@code text} in the README (a family of keys). */
  SettingKey shownAs(String text) {
    return new SettingKey(key, kind, fallback, shownDefault, text, meaning, otelAlias, min, max, choices);
  }

  /** The full property name. */
  String property() {
    return PREFIX + key;
  }

  boolean isFamily() {
    return key.indexOf('<') >= 0;
  }

  /** The default as the README's table shows it. */
  String defaultText() {
    if (shownDefault != null) {
      return shownDefault;
    }
    if (fallback == null) {
      return "unset";
    }
    if (fallback instanceof Duration) {
      return "`" + Durations.format((Duration) fallback) + "`";
    }
    return "`" + fallback + "`";
  }
}
