package dev.monitor.agent.jdbc;

import dev.monitor.agent.metrics.LatencySeries;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One data source the service has used: its pool name and view, and the figures the agent counts
 * itself (threads waiting in {@code getConnection}, wait and use times, timeouts). The data source
 * is held weakly. Counters are thread-safe; {@code product}/{@code version}/{@code db} are written
 * by its health check and read by anyone.
 */
final class DataSourceEntry {

  final WeakReference<Object> dataSource;
  final String name;
  final PoolView view;
  final LongAdder waiting = new LongAdder();
  /**
   * Open leases noted on the connections themselves ({@code AgentTagged}), which the leases map
   * does not hold. A connection the application never closes stays counted after it is
   * collected, as the leak it is.
   */
  final LongAdder taggedLeases = new LongAdder();
  final LatencySeries waitTime;
  final LatencySeries useTime;
  final LongAdder timeouts;

  volatile DbInfo db;
  volatile String product;
  volatile String version;

  DataSourceEntry(
      Object dataSource, String name, PoolView view, LatencySeries waitTime, LatencySeries useTime,
      LongAdder timeouts) {
    this.dataSource = new WeakReference<>(dataSource);
    this.name = name;
    this.view = view;
    this.waitTime = waitTime;
    this.useTime = useTime;
    this.timeouts = timeouts;
  }
}
