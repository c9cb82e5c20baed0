package dev.monitor.agent.redis;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.metrics.FirstSeen;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Jedis pools the service has borrowed from. A pool is registered at its first borrow and
 * named after the server of the connection it handed out ({@code jedis@host:port}, with
 * {@code #2}… for a second pool to the same server), so the name carries no credentials.
 * Thread-safe.
 */
final class JedisPools {

  static final int LIMIT = 256;

  private final FirstSeen<Object, JedisPoolEntry> byPool = FirstSeen.byIdentity("Jedis pools", LIMIT);
  /** Guarded by {@code byPool}'s first sight (one registration at a time). */
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
    JedisPoolEntry known = byPool.get(pool);
    return known != null ? known : byPool.entryFor(pool, p -> register(p, serverOf.apply(resource)));
  }

  /** Runs under the registry's lock, once per pool. */
  private JedisPoolEntry register(Object pool, RedisServer server) {
    String base = "jedis@" + (server.known() ? server.address() : "unknown");
    int n = sequence.merge(base, 1, Integer::sum);
    String name = n == 1 ? base : base + "#" + n;
    try {
      return new JedisPoolEntry(pool, name, db.waitTime.series().get(name), db.timeouts.series().get(name));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jedis-pool " + pool.getClass().getName(),
          "cannot read Jedis pool " + pool.getClass().getName() + "; its borrows are not recorded", e);
      return null;
    }
  }

  /** Every open pool's figures. Reader side; a closed or collected pool is dropped. */
  List<PoolFigures> read() {
    List<PoolFigures> out = new ArrayList<>();
    for (JedisPoolEntry entry : byPool.entries()) {
      try {
        PoolFigures figures = entry.read();
        if (figures == null) {
          byPool.forget(entry);
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
