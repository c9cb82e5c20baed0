package dev.monitor.agent.identity;

import java.util.function.BiConsumer;

/**
 * {@link WeakIdentityMap} split into stripes by identity hash, so that threads preparing
 * statements or borrowing connections at the same time rarely wait for one another's write.
 * Reads stay lock-free and allocation-free.
 */
public final class ConcurrentWeakIdentityMap<K, V> {

  private static final int STRIPES = 16;

  @SuppressWarnings("unchecked")
  private final WeakIdentityMap<K, V>[] stripes = new WeakIdentityMap[STRIPES];

  public ConcurrentWeakIdentityMap() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new WeakIdentityMap<>();
    }
  }

  private WeakIdentityMap<K, V> stripe(Object key) {
    // the high bits: each stripe's table indexes by the low bits
    return stripes[(System.identityHashCode(key) >>> 24) & (STRIPES - 1)];
  }

  public V get(Object key) {
    return key == null ? null : stripe(key).get(key);
  }

  public void put(K key, V value) {
    stripe(key).put(key, value);
  }

  public V remove(Object key) {
    return key == null ? null : stripe(key).remove(key);
  }

  public void forEach(BiConsumer<K, V> visitor) {
    for (WeakIdentityMap<K, V> stripe : stripes) {
      stripe.forEach(visitor);
    }
  }
}
