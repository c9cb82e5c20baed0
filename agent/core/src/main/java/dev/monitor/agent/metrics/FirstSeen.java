package dev.monitor.agent.metrics;

import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the agent has met of the application (data sources, pools, servers), each with the entry
 * it made at the first sight: the one first-seen registry of the agent. A key is an application
 * object, held weakly by identity ({@link #byIdentity}: a pool the application drops can be
 * collected), or a value such as an address ({@link #byValue}).
 *
 * <p>Threading: {@link #entryFor} on a known key is one lock-free lookup without allocation, so
 * a request thread pays nothing once its pool is known. A first sight makes the entry under this
 * registry's lock, once per key, on the thread that saw it; the maker may return null for a key
 * it will not follow (a pool's internal data source, an unreadable pool): that is remembered too.
 * Bounded: past {@code limit} entries a new key is not kept (one warning says so) and
 * {@link #entryFor} answers null for it. Readers get the entries in the order they were first seen.
 */
public final class FirstSeen<K, V> {

  /** Stored for a key whose maker answered null. */
  private static final Object NOT_FOLLOWED = new Object();

  private final String what;
  private final int limit;
  /** Looks a key up; stores a key's entry (the two halves of the map behind the registry). */
  private final Function<Object, Object> lookup;
  private final BiConsumer<Object, Object> store;
  private final List<V> entries = new CopyOnWriteArrayList<>();
  /** Guarded by {@code this}. */
  private int kept;
  private boolean warned;

  private FirstSeen(String what, int limit, Function<Object, Object> lookup, BiConsumer<Object, Object> store) {
    this.what = what;
    this.limit = limit;
    this.lookup = lookup;
    this.store = store;
  }

  /** Keys are application objects, compared by identity and held weakly. */
  public static <K, V> FirstSeen<K, V> byIdentity(String what, int limit) {
    ConcurrentWeakIdentityMap<Object, Object> map = new ConcurrentWeakIdentityMap<>();
    return new FirstSeen<>(what, limit, map::get, map::put);
  }

  /** Keys are values ({@code host:port}), compared by {@code equals} and held strongly. */
  public static <K, V> FirstSeen<K, V> byValue(String what, int limit) {
    ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();
    return new FirstSeen<>(what, limit, map::get, map::put);
  }

  /** The entry of a key seen before; null when unseen, not followed, or past the limit. */
  @SuppressWarnings("unchecked")
  public V get(K key) {
    Object entry = key == null ? null : lookup.apply(key);
    return entry == null || entry == NOT_FOLLOWED ? null : (V) entry;
  }

  /** Whether {@code key} was seen (followed or not). */
  public boolean seen(K key) {
    return key != null && lookup.apply(key) != null;
  }

  /**
   * The entry of {@code key}, made by {@code maker} at its first sight (under the lock, at most
   * once per key); null when the maker did not follow it or the registry is full.
   */
  @SuppressWarnings("unchecked")
  public V entryFor(K key, Function<? super K, ? extends V> maker) {
    Object entry = lookup.apply(key);
    if (entry != null) {
      return entry == NOT_FOLLOWED ? null : (V) entry;
    }
    return add(key, maker);
  }

  @SuppressWarnings("unchecked")
  private synchronized V add(K key, Function<? super K, ? extends V> maker) {
    Object known = lookup.apply(key);
    if (known != null) {
      return known == NOT_FOLLOWED ? null : (V) known;
    }
    if (kept >= limit) {
      if (!warned) {
        warned = true;
        AgentLog.warn("more than " + limit + " " + what + "; later ones are not followed");
      }
      return null;
    }
    V made = maker.apply(key);
    store.accept(key, made == null ? NOT_FOLLOWED : made);
    if (made != null) {
      kept++;
      entries.add(made);
    }
    return made;
  }

  /** Every entry followed and not forgotten, in the order first seen. */
  public List<V> entries() {
    return new ArrayList<>(entries);
  }

  /**
   * Leaves an entry out of {@link #entries} (its pool closed); its key still maps to it, so a
   * closed pool used again is not registered twice.
   */
  public void forget(V entry) {
    entries.remove(entry);
  }
}
