package dev.monitor.agent.db;

import dev.monitor.agent.summary.SummaryFigures;
import dev.monitor.agent.metrics.LatencySummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pool's row in {@code /metrics.json}, the same for JDBC and Jedis pools. */
public final class PoolRows {

  private PoolRows() {}

  /** Name, kind, used, idle, max, used ratio, pending, timeouts and borrow wait of one pool. */
  public static Map<String, Object> row(PoolFigures p, List<LatencySummary> waits) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", p.name);
    row.put("kind", p.kind);
    row.put("used", p.used);
    row.put("idle", p.idle < 0 ? null : p.idle);
    row.put("max", p.max < 0 ? null : p.max);
    row.put("usedRatio", p.max <= 0 ? null : SummaryFigures.ratio(p.used, p.max));
    row.put("pending", p.pending);
    row.put("timeouts", p.timeouts);
    row.put("waitMs", SummaryFigures.latency(find(waits, p.name)));
    return row;
  }

  /** The summary of one pool among summaries grouped by pool name; null when it has none. */
  public static LatencySummary find(List<LatencySummary> summaries, String pool) {
    for (LatencySummary s : summaries) {
      if (pool.equals(s.attribute(DbClientMetrics.POOL))) {
        return s;
      }
    }
    return null;
  }
}
