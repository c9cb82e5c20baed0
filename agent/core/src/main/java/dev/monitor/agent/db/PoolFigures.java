package dev.monitor.agent.db;

/** One connection pool's figures at one read; -1 for a figure nobody knows. Immutable. */
public final class PoolFigures {
  public final String name;
  public final String kind;
  public final int idle;
  public final int used;
  public final int max;
  public final int pending;
  public final long timeouts;

  public PoolFigures(String name, String kind, int idle, int used, int max, int pending, long timeouts) {
    this.name = name;
    this.kind = kind;
    this.idle = idle;
    this.used = used;
    this.max = max;
    this.pending = pending;
    this.timeouts = timeouts;
  }
}
