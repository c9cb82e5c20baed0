package dev.monitor.agent.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The series of one instrument, keyed by up to six attribute values (null means "attribute
 * absent"). Threading: {@link #get} is lock-free and allocation-free when the series exists (the
 * common case on a request thread); creating a series takes a lock. Past {@code limit} distinct
 * series, new values fold into one overflow series whose every attribute is {@code other}, so a
 * runaway attribute cannot grow memory or the scrape without bound.
 */
public final class SeriesTable<S> {

  public static final String OTHER = "other";
  public static final int MAX_ARITY = 6;

  private static final class Entry<S> {
    final int hash;
    final String[] values;
    final S series;

    Entry(int hash, String[] values, S series) {
      this.hash = hash;
      this.values = values;
      this.series = series;
    }
  }

  private final int arity;
  private final int limit;
  private final Function<String[], S> factory;
  private final Object lock = new Object();
  /** Open addressing, never more than half full; replaced whole (copy on write) under lock. */
  private volatile Entry<S>[] table;
  private volatile List<Entry<S>> entries = Collections.emptyList();
  private volatile S overflow;

  public SeriesTable(int arity, int limit, Function<String[], S> factory) {
    if (arity < 1 || arity > MAX_ARITY) {
      throw new IllegalArgumentException("arity must be 1 to " + MAX_ARITY + ": " + arity);
    }
    this.arity = arity;
    this.limit = limit;
    this.factory = factory;
    this.table = newTable(16);
  }

  public S get(String v0) {
    return get(v0, null, null, null);
  }

  public S get(String v0, String v1) {
    return get(v0, v1, null, null);
  }

  public S get(String v0, String v1, String v2) {
    return get(v0, v1, v2, null);
  }

  public S get(String v0, String v1, String v2, String v3) {
    return get(v0, v1, v2, v3, null, null);
  }

  public S get(String v0, String v1, String v2, String v3, String v4, String v5) {
    int hash = hash(v0, v1, v2, v3, v4, v5);
    Entry<S>[] current = table;
    int mask = current.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry<S> entry = current[i];
      if (entry == null) {
        return create(hash, v0, v1, v2, v3, v4, v5);
      }
      if (entry.hash == hash && matches(entry.values, v0, v1, v2, v3, v4, v5)) {
        return entry.series;
      }
    }
  }

  /** A consistent list of the series and their attribute values, for readers. */
  public void forEach(SeriesVisitor<S> visitor) {
    for (Entry<S> entry : entries) {
      visitor.visit(entry.values, entry.series);
    }
    S folded = overflow;
    if (folded != null) {
      String[] others = new String[arity];
      java.util.Arrays.fill(others, OTHER);
      visitor.visit(others, folded);
    }
  }

  public int size() {
    return entries.size();
  }

  /** Receives one series with its attribute values (in the instrument's key order). */
  public interface SeriesVisitor<S> {
    void visit(String[] values, S series);
  }

  private S create(int hash, String v0, String v1, String v2, String v3, String v4, String v5) {
    if (entries.size() >= limit) {
      return overflow();
    }
    synchronized (lock) {
      Entry<S>[] current = table;
      int mask = current.length - 1;
      for (int i = hash & mask; ; i = (i + 1) & mask) {
        Entry<S> entry = current[i];
        if (entry == null) {
          break;
        }
        if (entry.hash == hash && matches(entry.values, v0, v1, v2, v3, v4, v5)) {
          return entry.series;
        }
      }
      if (entries.size() >= limit) {
        return overflow();
      }
      String[] values = java.util.Arrays.copyOf(new String[] {v0, v1, v2, v3, v4, v5}, arity);
      Entry<S> created = new Entry<>(hash, values, factory.apply(values));
      List<Entry<S>> grown = new ArrayList<>(entries);
      grown.add(created);
      Entry<S>[] next = newTable(Math.max(current.length, Integer.highestOneBit(grown.size() * 4)));
      for (Entry<S> e : grown) {
        insert(next, e);
      }
      table = next;
      entries = Collections.unmodifiableList(grown);
      return created.series;
    }
  }

  private S overflow() {
    S folded = overflow;
    if (folded == null) {
      synchronized (lock) {
        folded = overflow;
        if (folded == null) {
          String[] others = new String[arity];
          java.util.Arrays.fill(others, OTHER);
          folded = factory.apply(others);
          overflow = folded;
        }
      }
    }
    return folded;
  }

  private static <S> void insert(Entry<S>[] target, Entry<S> entry) {
    int mask = target.length - 1;
    int i = entry.hash & mask;
    while (target[i] != null) {
      i = (i + 1) & mask;
    }
    target[i] = entry;
  }

  private boolean matches(
      String[] values, String v0, String v1, String v2, String v3, String v4, String v5) {
    return same(values[0], v0)
        && (arity < 2 || same(values[1], v1))
        && (arity < 3 || same(values[2], v2))
        && (arity < 4 || same(values[3], v3))
        && (arity < 5 || same(values[4], v4))
        && (arity < 6 || same(values[5], v5));
  }

  private static boolean same(String a, String b) {
    return a == b || (a != null && a.equals(b));
  }

  private static int hash(String v0, String v1, String v2, String v3, String v4, String v5) {
    int h = 17;
    h = 31 * h + (v0 == null ? 0 : v0.hashCode());
    h = 31 * h + (v1 == null ? 0 : v1.hashCode());
    h = 31 * h + (v2 == null ? 0 : v2.hashCode());
    h = 31 * h + (v3 == null ? 0 : v3.hashCode());
    h = 31 * h + (v4 == null ? 0 : v4.hashCode());
    h = 31 * h + (v5 == null ? 0 : v5.hashCode());
    return h ^ (h >>> 16);
  }

  @SuppressWarnings("unchecked")
  private static <S> Entry<S>[] newTable(int size) {
    return (Entry<S>[]) new Entry<?>[size];
  }
}
