package dev.monitor.agent.jdbc;

import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC pools' figures for the shared pool gauges ({@code db.client.connection.count} (idle
 * and used), {@code .max} and {@code .pending_requests}), read at scrape time. A figure comes from the pool itself when the agent
 * knows the pool; otherwise "used" is the connections the agent saw handed out and not yet
 * closed, "pending" the threads inside {@code getConnection}, and idle and max are not reported.
 */
public final class PoolGauges {

  private final DataSources dataSources;

  PoolGauges(DataSources dataSources) {
    this.dataSources = dataSources;
  }

  /** The figures of every pool in use. Reader side; a pool that cannot be read is skipped. */
  public List<PoolFigures> read() {
    List<PoolFigures> out = new ArrayList<>();
    for (DataSourceEntry entry : dataSources.active()) {
      out.add(read(entry));
    }
    return out;
  }

  PoolFigures read(DataSourceEntry entry) {
    int idle = -1;
    int used = -1;
    int max = -1;
    int pending = -1;
    try {
      idle = entry.view.idle();
      used = entry.view.used();
      max = entry.view.max();
      pending = entry.view.pending();
    } catch (Exception | LinkageError e) {
      AgentLog.warnOnce("pool-read " + entry.name, "cannot read pool '" + entry.name + "'", e);
    }
    if (used < 0) {
      used = dataSources.openLeases(entry);
    }
    if (pending < 0) {
      pending = (int) Math.max(0, entry.waiting.sum());
    }
    return new PoolFigures(entry.name, entry.view.kind(), idle, used, max, pending, entry.timeouts.sum());
  }
}
