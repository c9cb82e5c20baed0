package dev.monitor.agent.jdbc;

import dev.monitor.agent.metrics.LatencyHistogram;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL text to its {@link SqlSummary}, computed once per distinct text. The cache is bounded:
 * past {@link #MAX_CACHED} texts (an application that builds SQL with literals in it), each new
 * text is summarized on every use instead of remembered. Thread-safe.
 */
final class SqlSummaries {

  static final int MAX_CACHED = 2_000;

  private final ConcurrentHashMap<String, SqlSummary> cache = new ConcurrentHashMap<>();
  /** Per sanitized statement, for the slowest-statements list; never exported to /metrics. */
  private final LatencyHistogram statements;

  SqlSummaries(LatencyHistogram statements) {
    this.statements = statements;
  }

  SqlSummary of(String sql) {
    SqlSummary known = cache.get(sql);
    if (known != null) {
      return known;
    }
    SqlSummary probe = SqlSanitizer.summarize(sql, null);
    SqlSummary summary =
        new SqlSummary(
            probe.operation, probe.collection, probe.sanitized,
            statements.series().get(probe.sanitized));
    if (cache.size() < MAX_CACHED) {
      SqlSummary raced = cache.putIfAbsent(sql, summary);
      return raced != null ? raced : summary;
    }
    return summary;
  }
}
