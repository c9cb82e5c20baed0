package dev.monitor.agent.redis;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The Jedis pools the service has borrowed from. A pool is registered at its first borrow and
 * named after the server of the connection it handed out ({@code jedis@host:port}, with
 * {@code #2}… for a second pool to the same server), so the name carries no credentials.
 * Thread-safe.
 */
final class JedisPools {

  /** The entry of a pool the agent cannot read: borrows are not recorded for it. */
  private static final Object UNREADABLE = new Object();

  private final ConcurrentWeakIdentityMap<Object, Object> byPool = new ConcurrentWeakIdentityMap<>();
  private final List<JedisPoolEntry> active = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> sequence = new HashMap<>();
  private final DbClientMetrics db;

  JedisPools(DbClientMetrics db) {
    this.db = db;
  }

  /**
   * The entry of a pool, registering it at its first borrow (named after the server of
   * {@code resource}); null when it cannot be read.
   */
  JedisPoolEntry entryFor(Object pool, Object resource, Function<Object, RedisServer> serverOf) {
    Object entry = byPool.get(pool);
    if (entry == null) {
      entry = register(pool, serverOf.apply(resource));
    }
    return entry == UNREADABLE ? null : (JedisPoolEntry) entry;
  }

  private synchronized Object register(Object pool, RedisServer server) {
    Object known = byPool.get(pool);
    if (known != null) {
      return known;
    }
    String base = "jedis@" + (server.known() ? server.address() : "unknown");
    int n = sequence.merge(base, 1, Integer::sum);
    String name = n == 1 ? base : base + "#" + n;
    Object entry;
    try {
      entry = new JedisPoolEntry(pool, name, db.waitTime.series().get(name), db.timeouts.series().get(name));
      active.add((JedisPoolEntry) entry);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jedis-pool " + pool.getClass().getName(),
          "cannot read Jedis pool " + pool.getClass().getName() + "; its borrows are not recorded", e);
      entry = UNREADABLE;
    }
    byPool.put(pool, entry);
    return entry;
  }

  /** Every open pool's figures. Reader side; a closed or collected pool is dropped. */
  List<PoolFigures> read() {
    List<PoolFigures> out = new ArrayList<>();
    for (JedisPoolEntry entry : active) {
      try {
        PoolFigures figures = entry.read();
        if (figures == null) {
          active.remove(entry);
        } else {
          out.add(figures);
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        AgentLog.warnOnce("jedis-pool-read " + entry.name, "cannot read Jedis pool " + entry.name, e);
      }
    }
    return out;
  }
}
