package dev.monitor.agent.redis;

import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.metrics.LatencySeries;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.LongAdder;

/**
 * One Jedis pool the service borrowed from, with its figures read from commons-pool2 at scrape
 * time by reflection: {@code getNumActive}, {@code getNumIdle}, {@code getMaxTotal} and
 * {@code getNumWaiters} of the pool itself (Jedis 4 and later, where {@code Pool} is a
 * {@code GenericObjectPool}) or of its {@code internalPool} (Jedis 3). The pool is held weakly.
 * Thread-safe: methods are resolved once, in the constructor.
 */
final class JedisPoolEntry {

  final String name;
  final LatencySeries waitTime;
  final LongAdder timeouts;
  private final WeakReference<Object> pool;
  private final Method active;
  private final Method idle;
  private final Method maxTotal;
  private final Method waiters;
  private final Method closed;
  private final Field internal;

  JedisPoolEntry(Object pool, String name, LatencySeries waitTime, LongAdder timeouts)
      throws ReflectiveOperationException {
    this.pool = new WeakReference<>(pool);
    this.name = name;
    this.waitTime = waitTime;
    this.timeouts = timeouts;
    Field internalPool = null;
    Class<?> target = pool.getClass();
    if (method(target, "getMaxTotal") == null) {
      internalPool = declared(pool.getClass(), "internalPool");
      if (internalPool == null) {
        throw new NoSuchFieldException(pool.getClass().getName() + " has neither getMaxTotal nor internalPool");
      }
      internalPool.setAccessible(true);
      target = internalPool.getType();
    }
    this.internal = internalPool;
    this.active = method(target, "getNumActive");
    this.idle = method(target, "getNumIdle");
    this.maxTotal = method(target, "getMaxTotal");
    this.waiters = method(target, "getNumWaiters");
    this.closed = method(target, "isClosed");
  }

  /** Null once the pool is closed or collected. */
  PoolFigures read() throws ReflectiveOperationException {
    Object p = pool.get();
    Object target = p == null ? null : internal == null ? p : internal.get(p);
    if (target == null || (closed != null && (Boolean) closed.invoke(target))) {
      return null;
    }
    return new PoolFigures(
        name, "jedis", intOf(idle, target), intOf(active, target), intOf(maxTotal, target),
        intOf(waiters, target), timeouts.sum());
  }

  private static int intOf(Method m, Object target) throws ReflectiveOperationException {
    return m == null ? -1 : ((Number) m.invoke(target)).intValue();
  }

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Field declared(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return f;
        }
      }
    }
    return null;
  }
}
