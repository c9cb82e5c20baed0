package dev.monitor.agent.instrument;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions shared across class loads, one cache per class loader. Byte Buddy's default
 * parses every supertype again for each class it matches, and the JDBC matchers walk the
 * hierarchy of every class that declares a method like {@code close()}: with the cache, a
 * supertype ({@code Object}, {@code AutoCloseable}, a framework's base class) is read from its
 * class file once per loader. Loaders are held weakly, and each cache is bounded (cleared when
 * it grows past {@link #MAX_TYPES_PER_LOADER}), so it cannot keep a web application's classes
 * alive or grow with the application. Parsed descriptions are bulky (several MiB for a few
 * hundred classes) and useful only while classes load in bursts, so {@link #forget} drops them
 * all; the agent calls it every half minute.
 */
final class SharedTypePools extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  static final int MAX_TYPES_PER_LOADER = 4_000;

  private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = new Bounded();

  SharedTypePools() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader classLoader) {
    if (classLoader == null) {
      return bootstrap;
    }
    synchronized (byLoader) {
      return byLoader.computeIfAbsent(classLoader, loader -> new Bounded());
    }
  }

  /** Drops every cached description; the next class load parses what it needs again. */
  void forget() {
    bootstrap.clear();
    synchronized (byLoader) {
      for (TypePool.CacheProvider cache : byLoader.values()) {
        cache.clear();
      }
    }
  }

  /** A name-to-resolution cache that empties itself rather than grow past its bound. */
  static final class Bounded implements TypePool.CacheProvider {
    private final ConcurrentHashMap<String, TypePool.Resolution> types = new ConcurrentHashMap<>();

    @Override
    public TypePool.Resolution find(String name) {
      return types.get(name);
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (types.size() >= MAX_TYPES_PER_LOADER) {
        types.clear();
      }
      TypePool.Resolution known = types.putIfAbsent(name, resolution);
      return known == null ? resolution : known;
    }

    @Override
    public void clear() {
      types.clear();
    }
  }
}
