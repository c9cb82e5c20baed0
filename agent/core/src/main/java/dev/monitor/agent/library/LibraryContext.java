package dev.monitor.agent.library;

import dev.monitor.agent.config.SettingKey;
import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthChecks;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.function.Function;

/**
 * What the core lends every library: the metric registry, the health checks, the settings, and
 * the instruments libraries share (the database client's, used by JDBC and Redis alike).
 * Thread-safe: registration may happen on request threads (a pool seen for the first time).
 */
public final class LibraryContext {

  private final MetricRegistry registry;
  private final HealthChecks health;
  private final Function<SettingKey, Object> settings;
  private final int seriesLimit;
  private DbClientMetrics db;

  public LibraryContext(
      MetricRegistry registry, HealthChecks health, Function<SettingKey, Object> settings, int seriesLimit) {
    this.registry = registry;
    this.health = health;
    this.settings = settings;
    this.seriesLimit = seriesLimit;
  }

  public MetricRegistry registry() {
    return registry;
  }

  /** {@code monitor.metrics.series-limit}: series per instrument before new values fold. */
  public int seriesLimit() {
    return seriesLimit;
  }

  /** The value of one of the library's declared settings, already valid and of its kind's type. */
  @SuppressWarnings("unchecked")
  public <T> T setting(SettingKey key) {
    return (T) settings.apply(key);
  }

  public void registerHealth(HealthCheck check) {
    health.register(check);
  }

  public void unregisterHealth(HealthCheck check) {
    health.unregister(check.name());
  }

  /** The {@code db.client.*} instruments, made at the first call: one set for every database library. */
  public synchronized DbClientMetrics dbClient() {
    if (db == null) {
      db = new DbClientMetrics(registry, seriesLimit);
    }
    return db;
  }
}
