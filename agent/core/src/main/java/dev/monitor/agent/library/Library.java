package dev.monitor.agent.library;

import dev.monitor.agent.config.SettingKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What one monitored library (servlet, jdbc, redis, sockets, the JVM) gives the agent's core.
 * The core finds every implementation with {@link java.util.ServiceLoader} and sees only this
 * list: the endpoints, the alert rules and the settings loader know no library by name. A library
 * that fails to install is left out with a warning; the others and the application go on.
 *
 * <p>Implementations are stateless until {@link #install}; the core calls each method from one
 * thread at a time ({@link #summary} from the endpoint workers, which may be concurrent with
 * recording, so it must read only thread-safe state).
 */
public interface Library {

  /** A short name for messages ({@code jdbc}). */
  String name();

  /** The settings this library reads, declared once (the README's table lists them). */
  default List<SettingKey> settings() {
    return Collections.emptyList();
  }

  /**
   * In premain, before the application's classes load: makes the recorder and installs it into
   * the bootstrap bridge, and registers the library's instruments and health checks. Must be
   * quick: every millisecond here delays the application's start.
   */
  void install(LibraryContext context);

  /**
   * What can wait until the application is starting: runs on the agent's start thread (or in
   * premain when the metrics are exported, so a JVM that ends at once still has them). Default:
   * nothing.
   */
  default void start(LibraryContext context) {}

  /** The health groups this library's checks belong to, each served at {@code /health/<group>}. */
  default List<String> healthGroups() {
    return Collections.emptyList();
  }

  /** The key of this library's part of {@code /metrics.json}, or null for none. */
  default String summaryKey() {
    return null;
  }

  /** This library's part of {@code /metrics.json}, read from the same series as {@code /metrics}. */
  default Map<String, Object> summary() {
    return Collections.emptyMap();
  }

  /** Adds the figures the alert rules may judge, by signal name ({@link AlertSignal}). */
  default void alertSignals(Map<String, AlertSignal> signals) {}

  /**
   * Adds the figures {@code /metrics/history} keeps over time, by name: running totals (the
   * reader takes differences for rates) and values as they are now (a last-minute p95, a gauge).
   * Read on the harvest thread once per history step; null when there is nothing to say.
   */
  default void historySeries(Map<String, java.util.function.Supplier<Double>> series) {}

  /**
   * Adds figures kept over time per key, by family name ({@code db.pool.used}: one series per
   * pool, {@code db.pool.used:orders-pool}), for what appears while the application runs. Read
   * like {@link #historySeries}; each answer maps a key to its figure now.
   */
  default void historyFamilies(Map<String, java.util.function.Supplier<Map<String, Double>>> families) {}
}
