package dev.monitor.agent.redis;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.library.Library;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.RedisBridge;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Jedis and Lettuce: command timing on the {@code db.client.*} instruments, Jedis pools, one
 * health check per server ({@code /health/redis}) and the {@code redis} part of
 * {@code /metrics.json}.
 */
public final class RedisLibrary implements Library {

  private MetricRegistry registry;
  private RedisMetrics redis;

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public void install(LibraryContext context) {
    registry = context.registry();
    redis = new RedisMetrics(context.dbClient(), context::registerHealth);
    RedisBridge.install(redis);
  }

  @Override
  public List<String> healthGroups() {
    return Collections.singletonList("redis");
  }

  @Override
  public String summaryKey() {
    return "redis";
  }

  @Override
  public Map<String, Object> summary() {
    return new RedisSummary(registry, redis).build();
  }

  /** Commands and failed commands since start, and the last minute's p95 (seconds). */
  @Override
  public void historySeries(Map<String, java.util.function.Supplier<Double>> series) {
    series.put("redis.commands", () -> (double) commands(false));
    series.put("redis.errors", () -> (double) commands(true));
    series.put("redis.p95", () -> {
      List<LatencySummary> overall = registry.summarize(redis.duration(), onlyRedis());
      return overall.isEmpty() || overall.get(0).recentCount == 0 ? null : overall.get(0).recentP95;
    });
  }

  private long commands(boolean failedOnly) {
    long total = 0;
    for (LatencySummary s : registry.summarize(redis.duration(), onlyRedis(), DbClientMetrics.ERROR_TYPE)) {
      if (!failedOnly || s.attribute(DbClientMetrics.ERROR_TYPE) != null) {
        total += s.count;
      }
    }
    return total;
  }

  private Predicate<String[]> onlyRedis() {
    return redis.duration().where(DbClientMetrics.SYSTEM, system -> "redis".equals(system));
  }
}
