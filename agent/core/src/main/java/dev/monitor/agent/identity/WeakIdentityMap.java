package dev.monitor.agent.identity;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

/**
 * A map from objects, by identity and held weakly, to values: what the agent remembers about a
 * driver's statement or a pool's connection without keeping it alive or calling its
 * {@code hashCode}/{@code equals}. Threading: {@link #get} takes no lock and allocates nothing
 * (it runs on every statement execution); {@link #put}, {@link #remove} and the purge of
 * collected keys serialize on this object. Chained buckets whose links are volatile: a reader
 * walking a bucket while a writer unlinks an entry still reaches every live entry after it.
 */
public final class WeakIdentityMap<K, V> {

  private static final class Entry<K, V> extends WeakReference<K> {
    final int hash;
    final V value;
    volatile Entry<K, V> next;

    Entry(K key, int hash, V value, Entry<K, V> next, ReferenceQueue<K> queue) {
      super(key, queue);
      this.hash = hash;
      this.value = value;
      this.next = next;
    }
  }

  private final ReferenceQueue<K> collected = new ReferenceQueue<>();
  private volatile AtomicReferenceArray<Entry<K, V>> table = new AtomicReferenceArray<>(64);
  private int size;

  public V get(Object key) {
    if (key == null) {
      return null;
    }
    int hash = System.identityHashCode(key);
    AtomicReferenceArray<Entry<K, V>> t = table;
    for (Entry<K, V> e = t.get(hash & (t.length() - 1)); e != null; e = e.next) {
      if (e.hash == hash && e.get() == key) {
        return e.value;
      }
    }
    return null;
  }

  public synchronized void put(K key, V value) {
    purge();
    removeLocked(key);
    int hash = System.identityHashCode(key);
    AtomicReferenceArray<Entry<K, V>> t = table;
    int i = hash & (t.length() - 1);
    t.set(i, new Entry<>(key, hash, value, t.get(i), collected));
    if (++size > t.length() * 3 / 4) {
      resize(t);
    }
  }

  /** Removes a key; a key that is not there (the common case for a driver's inner object) takes no lock. */
  public V remove(Object key) {
    if (get(key) == null) {
      return null;
    }
    synchronized (this) {
      purge();
      return removeLocked(key);
    }
  }

  /** Live entries, for readers; a key collected meanwhile is skipped. */
  public synchronized void forEach(BiConsumer<K, V> visitor) {
    purge();
    AtomicReferenceArray<Entry<K, V>> t = table;
    for (int i = 0; i < t.length(); i++) {
      for (Entry<K, V> e = t.get(i); e != null; e = e.next) {
        K key = e.get();
        if (key != null) {
          visitor.accept(key, e.value);
        }
      }
    }
  }

  public synchronized int size() {
    purge();
    return size;
  }

  private V removeLocked(Object key) {
    if (key == null) {
      return null;
    }
    int hash = System.identityHashCode(key);
    AtomicReferenceArray<Entry<K, V>> t = table;
    int i = hash & (t.length() - 1);
    Entry<K, V> previous = null;
    for (Entry<K, V> e = t.get(i); e != null; previous = e, e = e.next) {
      if (e.hash == hash && e.get() == key) {
        unlink(t, i, previous, e);
        return e.value;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private void purge() {
    for (Entry<K, V> dead; (dead = (Entry<K, V>) collected.poll()) != null; ) {
      AtomicReferenceArray<Entry<K, V>> t = table;
      int i = dead.hash & (t.length() - 1);
      Entry<K, V> previous = null;
      for (Entry<K, V> e = t.get(i); e != null; previous = e, e = e.next) {
        if (e == dead) {
          unlink(t, i, previous, e);
          break;
        }
      }
    }
  }

  private void unlink(AtomicReferenceArray<Entry<K, V>> t, int i, Entry<K, V> previous, Entry<K, V> e) {
    if (previous == null) {
      t.set(i, e.next);
    } else {
      previous.next = e.next;
    }
    size--;
  }

  /**
   * Doubles the table. Live entries are re-created in the new table (the old one stays intact
   * for readers still walking it); a copy whose key dies later is purged through the queue like
   * any entry, and an uncopied original that was queued is simply not found any more.
   */
  private void resize(AtomicReferenceArray<Entry<K, V>> old) {
    AtomicReferenceArray<Entry<K, V>> grown = new AtomicReferenceArray<>(old.length() * 2);
    int live = 0;
    for (int i = 0; i < old.length(); i++) {
      for (Entry<K, V> e = old.get(i); e != null; e = e.next) {
        K key = e.get();
        if (key != null) {
          int j = e.hash & (grown.length() - 1);
          grown.set(j, new Entry<>(key, e.hash, e.value, grown.get(j), collected));
          live++;
        }
      }
    }
    size = live;
    table = grown;
  }
}
