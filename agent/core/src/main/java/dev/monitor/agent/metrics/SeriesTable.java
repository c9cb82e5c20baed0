package dev.monitor.agent.metrics;

import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The series of one instrument, keyed by up to six attribute values (null means "attribute
 * absent"). Threading: {@link #get} is lock-free and allocation-free when the series exists (the
 * common case on a request thread); creating a series takes a lock.
 *
 * <p>Past {@code limit} distinct series, new values fold, so a runaway attribute cannot grow
 * memory or the scrape without bound. Folding keeps the attributes that say what kind of outcome
 * it was ({@link #KEPT_ON_FOLD}: method, status code, error type, database system and operation)
 * and turns the others (route, table, namespace) into {@code other}: a 5xx past the limit is
 * still a 5xx, a 200 is not an error. Folded series live in a second table of at most
 * {@value #FOLDED_LIMIT}; past that, everything folds into one series whose every attribute is
 * {@code other}. The first fold logs one warning naming the instrument.
 */
public final class SeriesTable<S> {

  public static final String OTHER = "other";
  public static final int MAX_ARITY = 6;
  /** Distinct folded series before the last resort (every attribute {@code other}). */
  public static final int FOLDED_LIMIT = 64;
  /** Attributes of bounded, meaningful values that a fold keeps. */
  public static final Set<String> KEPT_ON_FOLD =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
          "http.request.method", "http.response.status_code", "error.type", "db.system.name",
          "db.operation.name", "db.response.status_code", "db.client.connection.state")));

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

  private final String instrument;
  private final int arity;
  private final int limit;
  /** Per attribute: whether a fold keeps its value (none in the folded table itself). */
  private final boolean[] kept;
  private final String keptNames;
  private final boolean nested;
  /** Where folded values go; null in the folded table itself. */
  private final SeriesTable<S> folded;
  private final AtomicBoolean warned = new AtomicBoolean();
  private final Function<String[], S> factory;
  private final Object lock = new Object();
  /** Open addressing, never more than half full; replaced whole (copy on write) under lock. */
  private volatile Entry<S>[] table;
  private volatile List<Entry<S>> entries = Collections.emptyList();
  private volatile S overflow;
  /** Told of each new (not folded) series, under the table's lock; null for none. */
  private volatile Consumer<String[]> onCreate;

  /** The series of instrument {@code instrument} with attribute {@code keys}, in that order. */
  public SeriesTable(String instrument, String[] keys, int limit, Function<String[], S> factory) {
    this(instrument, keys.length, limit, keys, factory);
  }

  /** For tests: an instrument whose attributes a fold does not keep. */
  SeriesTable(int arity, int limit, Function<String[], S> factory) {
    this("test", arity, limit, new String[arity], factory);
  }

  /** @param keys null for the folded table, which keeps nothing more when it fills */
  private SeriesTable(String instrument, int arity, int limit, String[] keys, Function<String[], S> factory) {
    if (arity < 1 || arity > MAX_ARITY) {
      throw new IllegalArgumentException("arity must be 1 to " + MAX_ARITY + ": " + arity);
    }
    this.instrument = instrument;
    this.arity = arity;
    this.limit = limit;
    this.factory = factory;
    this.table = newTable(16);
    this.kept = new boolean[arity];
    List<String> keptKeys = new ArrayList<>();
    for (int i = 0; keys != null && i < arity; i++) {
      kept[i] = KEPT_ON_FOLD.contains(keys[i]);
      if (kept[i]) {
        keptKeys.add(keys[i]);
      }
    }
    this.keptNames = String.join(", ", keptKeys);
    this.folded = keptKeys.isEmpty() ? null : new SeriesTable<>(instrument, arity, FOLDED_LIMIT, null, factory);
    this.nested = keys == null;
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
    if (folded != null) {
      folded.forEach(visitor);
    }
    S lastResort = overflow;
    if (lastResort != null) {
      String[] others = new String[arity];
      Arrays.fill(others, OTHER);
      visitor.visit(others, lastResort);
    }
  }

  /**
   * Tells {@code listener} the attribute values of every series created from now on (once each,
   * on the creating thread, under this table's lock: it must not take a lock that a reader of
   * this table holds).
   */
  public void onCreate(Consumer<String[]> listener) {
    this.onCreate = listener;
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
      return fold(v0, v1, v2, v3, v4, v5);
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
        return fold(v0, v1, v2, v3, v4, v5);
      }
      String[] values = Arrays.copyOf(new String[] {v0, v1, v2, v3, v4, v5}, arity);
      Entry<S> created = new Entry<>(hash, values, factory.apply(values));
      List<Entry<S>> grown = new ArrayList<>(entries);
      grown.add(created);
      Entry<S>[] next = newTable(Math.max(current.length, Integer.highestOneBit(grown.size() * 4)));
      for (Entry<S> e : grown) {
        insert(next, e);
      }
      table = next;
      entries = Collections.unmodifiableList(grown);
      Consumer<String[]> listener = onCreate;
      if (listener != null) {
        listener.accept(values.clone());
      }
      return created.series;
    }
  }

  /** The series for values past the limit: kept attributes stay, the others become {@code other}. */
  private S fold(String v0, String v1, String v2, String v3, String v4, String v5) {
    if (!warned.get() && warned.compareAndSet(false, true)) {
      AgentLog.warn(
          nested
              ? instrument + " has " + limit + " folded series as well; further values are counted in one"
                  + " series whose every attribute reads 'other'"
              : instrument + " reached its limit of " + limit + " series (monitor.metrics.series-limit); new"
                  + " values are counted in series "
                  + (folded == null ? "whose every attribute reads 'other'" : "that keep " + keptNames + " and read 'other' elsewhere"));
    }
    if (folded == null) {
      return overflow();
    }
    return folded.get(keep(0, v0), keep(1, v1), keep(2, v2), keep(3, v3), keep(4, v4), keep(5, v5));
  }

  private String keep(int index, String value) {
    return index >= arity ? null : kept[index] || value == null ? value : OTHER;
  }

  private S overflow() {
    S folded = overflow;
    if (folded == null) {
      synchronized (lock) {
        folded = overflow;
        if (folded == null) {
          String[] others = new String[arity];
          Arrays.fill(others, OTHER);
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
