package dev.monitor.agent.endpoint;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.metrics.LatencySummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pool's row in {@code /metrics.json}, the same for JDBC and Jedis pools. */
final class PoolRows {

  private PoolRows() {}

  /** Name, kind, used, idle, max, used ratio, pending, timeouts and borrow wait of one pool. */
  static Map<String, Object> row(PoolFigures p, List<LatencySummary> waits) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", p.name);
    row.put("kind", p.kind);
    row.put("used", p.used);
    row.put("idle", p.idle < 0 ? null : p.idle);
    row.put("max", p.max < 0 ? null : p.max);
    row.put("usedRatio", p.max <= 0 ? null : MetricsSummary.ratio(p.used, p.max));
    row.put("pending", p.pending);
    row.put("timeouts", p.timeouts);
    row.put("waitMs", MetricsSummary.latency(find(waits, p.name)));
    return row;
  }

  /** The summary of one pool among summaries grouped by pool name; null when it has none. */
  static LatencySummary find(List<LatencySummary> summaries, String pool) {
    for (LatencySummary s : summaries) {
      if (pool.equals(s.attribute(DbClientMetrics.POOL))) {
        return s;
      }
    }
    return null;
  }
}
