package dev.monitor.agent.jdbc;

import dev.monitor.agent.DaemonThreads;
import dev.monitor.agent.endpoint.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JSON line per slow query on standard error, at most {@link #PER_SECOND} a second: a burst
 * of slow queries (a database that stalls) must not flood the log. Lines beyond the rate are
 * counted and the count is carried on the next line written. The query thread only builds the
 * line and offers it to a bounded queue; a daemon thread writes it, so a blocked standard error
 * never blocks a query. Thread-safe.
 */
final class SlowQueryLog {

  static final int PER_SECOND = 5;

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(64);
  private final AtomicLong second = new AtomicLong();
  private final AtomicInteger inSecond = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicBoolean writerStarted =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final long thresholdMillis;
  private final PrintStream out;

  SlowQueryLog(long thresholdMillis, PrintStream out) {
    this.thresholdMillis = thresholdMillis;
    this.out = out;
  }

  /** The writer thread starts with the first slow query: a service without one never has it. */
  private void startWriter() {
    if (!writerStarted.get() && writerStarted.compareAndSet(false, true)) {
      DaemonThreads.named("monitor-slow-query-log").newThread(this::drain).start();
    }
  }

  void log(SqlSummary sql, DbInfo db, String pool, long durationNanos, boolean failed) {
    long now = System.currentTimeMillis();
    long thisSecond = now / 1000;
    long seen = second.get();
    if (seen != thisSecond && second.compareAndSet(seen, thisSecond)) {
      inSecond.set(0);
    }
    if (inSecond.incrementAndGet() > PER_SECOND) {
      dropped.incrementAndGet();
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", Instant.ofEpochMilli(now).toString());
    line.put("logger", "monitor");
    line.put("event", "db.slow_query");
    line.put("durationMs", Math.round(durationNanos / 1e4) / 100.0);
    line.put("thresholdMs", thresholdMillis);
    line.put("db.system.name", db.system);
    line.put("db.namespace", db.namespace);
    line.put("db.operation.name", sql == null ? null : sql.operation);
    line.put("db.collection.name", sql == null ? null : sql.collection);
    line.put("pool", pool);
    line.put("failed", failed);
    line.put("statement", sql == null ? null : sql.sanitized);
    line.put("thread", Thread.currentThread().getName());
    long skipped = dropped.getAndSet(0);
    if (skipped > 0) {
      line.put("suppressedSinceLastLine", skipped);
    }
    startWriter();
    if (!lines.offer(Json.write(line))) {
      dropped.addAndGet(1 + skipped);
    }
  }

  private void drain() {
    try {
      while (true) {
        out.println(lines.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
