package dev.monitor.agent.jdbc;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection handed out by a data source and not yet closed: which data source and since
 * when. {@link #end} is true for the first close only, so a double close is counted once.
 */
final class Lease extends AtomicBoolean {

  final DataSourceEntry pool;
  final long sinceNanos;

  Lease(DataSourceEntry pool, long sinceNanos) {
    this.pool = pool;
    this.sinceNanos = sinceNanos;
  }

  boolean end() {
    return compareAndSet(false, true);
  }

  boolean open() {
    return !get();
  }
}
