package dev.monitor.agent.redis;

import dev.monitor.agent.library.Library;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.RedisBridge;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
}
