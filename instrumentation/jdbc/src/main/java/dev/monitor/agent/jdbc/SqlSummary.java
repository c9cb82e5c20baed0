package dev.monitor.agent.jdbc;

import dev.monitor.agent.metrics.LatencySeries;

/**
 * What the agent keeps of one SQL text: the operation ({@code SELECT}), the table or procedure it
 * names (null when it cannot be read), and the statement with every literal replaced by
 * {@code ?}. Nothing else of the text is kept. Immutable, except for the per-statement latency
 * series, which is thread-safe.
 */
final class SqlSummary {

  final String operation;
  final String batchOperation;
  final String collection;
  final String sanitized;
  /** Latency of this sanitized statement, for the slowest-statements list; null past the limit. */
  final LatencySeries statementLatency;

  SqlSummary(String operation, String collection, String sanitized, LatencySeries statementLatency) {
    this.operation = operation;
    this.batchOperation = "BATCH " + operation;
    this.collection = collection;
    this.sanitized = sanitized;
    this.statementLatency = statementLatency;
  }
}
