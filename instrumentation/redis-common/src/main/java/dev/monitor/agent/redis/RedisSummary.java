package dev.monitor.agent.redis;

import dev.monitor.agent.summary.SummaryFigures;
import dev.monitor.agent.db.PoolRows;
import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code redis} part of {@code /metrics.json}: commands and errors with latency overall and
 * per command, errors by type, the servers used (with the version their health check read) and
 * every Jedis pool's connections and waiters.
 */
final class RedisSummary {

  private final MetricRegistry registry;
  private final RedisMetrics redis;

  RedisSummary(MetricRegistry registry, RedisMetrics redis) {
    this.registry = registry;
    this.redis = redis;
  }

  Map<String, Object> build() {
    Predicate<String[]> onlyRedis =
        redis.duration().where(DbClientMetrics.SYSTEM, system -> "redis".equals(system));
    List<LatencySummary> byCommandAndError =
        registry.summarize(redis.duration(), onlyRedis, DbClientMetrics.OPERATION, DbClientMetrics.ERROR_TYPE);
    List<LatencySummary> byCommand = registry.summarize(redis.duration(), onlyRedis, DbClientMetrics.OPERATION);
    List<LatencySummary> overall = registry.summarize(redis.duration(), onlyRedis);
    long commands = 0;
    long errors = 0;
    Map<String, Long> errorsByType = new LinkedHashMap<>();
    Map<String, Long> errorsByCommand = new LinkedHashMap<>();
    for (LatencySummary s : byCommandAndError) {
      commands += s.count;
      String type = s.attribute(DbClientMetrics.ERROR_TYPE);
      if (type != null) {
        errors += s.count;
        errorsByType.merge(type, s.count, Long::sum);
        errorsByCommand.merge(s.attribute(DbClientMetrics.OPERATION), s.count, Long::sum);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("commands", commands);
    out.put("errors", errors);
    out.put("errorRate", SummaryFigures.ratio(errors, commands));
    out.put("errorsByType", errorsByType);
    out.put("latencyMs", SummaryFigures.latency(overall.isEmpty() ? null : overall.get(0)));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LatencySummary s : byCommand) {
      Map<String, Object> row = new LinkedHashMap<>();
      String command = s.attribute(DbClientMetrics.OPERATION);
      row.put("command", command);
      row.put("count", s.count);
      row.put("errors", errorsByCommand.getOrDefault(command, 0L));
      row.put("latencyMs", SummaryFigures.latency(s));
      rows.add(row);
    }
    rows.sort((a, b) -> Long.compare((Long) b.get("count"), (Long) a.get("count")));
    out.put("byCommand", rows);
    out.put("servers", redis.servers());
    out.put("pools", pools());
    return out;
  }

  private List<Map<String, Object>> pools() {
    List<LatencySummary> waits = registry.summarize(redis.waitTime(), DbClientMetrics.POOL);
    List<Map<String, Object>> out = new ArrayList<>();
    for (PoolFigures p : redis.pools()) {
      out.add(PoolRows.row(p, waits));
    }
    return out;
  }
}
