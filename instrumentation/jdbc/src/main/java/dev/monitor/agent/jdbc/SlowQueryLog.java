package dev.monitor.agent.jdbc;

import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.json.Json;
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
 * counted and the count is carried on the next line written. The query thread only offers what
 * it saw to a bounded queue; a daemon thread builds and writes the line, so neither JSON nor a
 * blocked standard error costs the query. Thread-safe.
 */
final class SlowQueryLog {

  static final int PER_SECOND = 5;

  private final BlockingQueue<SlowQuery> lines = new ArrayBlockingQueue<>(64);
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
    startWriter();
    long skipped = dropped.getAndSet(0);
    SlowQuery query =
        new SlowQuery(now, durationNanos, sql, db, pool, failed, Thread.currentThread().getName(), skipped);
    if (!lines.offer(query)) {
      dropped.addAndGet(1 + skipped);
    }
  }

  /** One slow query as the query thread saw it; the writer thread turns it into the JSON line. */
  private static final class SlowQuery {
    final long atMillis;
    final long durationNanos;
    final SqlSummary sql;
    final DbInfo db;
    final String pool;
    final boolean failed;
    final String thread;
    final long skippedBefore;

    SlowQuery(long atMillis, long durationNanos, SqlSummary sql, DbInfo db, String pool,
        boolean failed, String thread, long skippedBefore) {
      this.atMillis = atMillis;
      this.durationNanos = durationNanos;
      this.sql = sql;
      this.db = db;
      this.pool = pool;
      this.failed = failed;
      this.thread = thread;
      this.skippedBefore = skippedBefore;
    }
  }

  private String line(SlowQuery q) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", Instant.ofEpochMilli(q.atMillis).toString());
    line.put("logger", "monitor");
    line.put("event", "db.slow_query");
    line.put("durationMs", Math.round(q.durationNanos / 1e4) / 100.0);
    line.put("thresholdMs", thresholdMillis);
    line.put("db.system.name", q.db.system);
    line.put("db.namespace", q.db.namespace);
    line.put("db.operation.name", q.sql == null ? null : q.sql.operation);
    line.put("db.collection.name", q.sql == null ? null : q.sql.collection);
    line.put("pool", q.pool);
    line.put("failed", q.failed);
    line.put("statement", q.sql == null ? null : q.sql.sanitized);
    line.put("thread", q.thread);
    if (q.skippedBefore > 0) {
      line.put("suppressedSinceLastLine", q.skippedBefore);
    }
    return Json.write(line);
  }

  private void drain() {
    try {
      while (true) {
        out.println(line(lines.take()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
