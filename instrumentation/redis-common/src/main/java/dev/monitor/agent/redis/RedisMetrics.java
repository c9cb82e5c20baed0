package dev.monitor.agent.redis;

import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.db.PoolFigures;
import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.bootstrap.RedisRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records what the Jedis and Lettuce advice reports into the shared
 * {@code db.client.operation.duration} ({@code db.system.name=redis}, the command as
 * {@code db.operation.name}, {@code error.type} and {@code db.response.status_code} on failure),
 * and Jedis pool borrows into the shared pool instruments. Runs on application threads and
 * Lettuce's event loop; never throws into either.
 *
 * <p>Cost per command: Jedis, an identity look-up of the connection and a slot in its reply
 * queue (no allocation once the connection is known); Lettuce, one small in-flight record per
 * command in a weak identity map, because its completion arrives on another thread.
 */
public final class RedisMetrics implements RedisRecorder {

  static final String SYSTEM = "redis";
  static final String TIMEOUT = "io.lettuce.core.RedisCommandTimeoutException";

  /** Whether this thread is inside Lettuce's {@code awaitOrCancel}: [0] is the flag. */
  private static final ThreadLocal<boolean[]> AWAITING = ThreadLocal.withInitial(() -> new boolean[1]);

  private final LatencyHistogram duration;
  private final LatencyHistogram waitTime;
  private final CommandNames names = new CommandNames();
  private final RedisServers servers;
  private final JedisPools pools;
  private final ConcurrentWeakIdentityMap<Object, JedisConnection> jedisConnections =
      new ConcurrentWeakIdentityMap<>();
  private final ConcurrentWeakIdentityMap<Object, RedisServer> lettuceConnections =
      new ConcurrentWeakIdentityMap<>();
  private final ConcurrentWeakIdentityMap<Object, InFlight> inFlight = new ConcurrentWeakIdentityMap<>();
  private final Function<Object, RedisServer> serverOfResource = this::serverOfResource;

  public RedisMetrics(DbClientMetrics db, Consumer<RedisServerHealth> onServerAdded) {
    this.duration = db.duration;
    this.waitTime = db.waitTime;
    this.servers = new RedisServers(server -> onServerAdded.accept(new RedisServerHealth(server)));
    this.pools = new JedisPools(db);
    db.addPools(pools::read);
  }

  // ---- Jedis ----

  @Override
  public void jedisSent(Object connection, byte[] command, long startNanos, Throwable thrown) {
    try {
      JedisConnection c = jedisConnection(connection);
      String name = names.ofBytes(command);
      if (thrown != null) {
        // Nothing reached the server, or the connection broke: no reply will come for this
        // command nor for any still queued before it.
        String type = RedisErrors.type(thrown);
        record(name, System.nanoTime() - startNanos, type, null);
        failQueued(c, type);
        return;
      }
      c.push(startNanos, name);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jedis-send", "cannot record a Jedis command", e);
    }
  }

  @Override
  public void jedisReplied(Object connection, Throwable thrown) {
    try {
      JedisConnection c = jedisConnections.get(connection);
      if (c == null || c.size() == 0) {
        return; // a pub/sub message, or a reply to a command sent before the agent was there
      }
      long nanos = System.nanoTime() - c.oldestStart();
      String name = c.oldestName();
      c.dropOldest();
      if (thrown == null) {
        record(name, nanos, null, null);
      } else if (RedisErrors.isServerError(thrown)) {
        String prefix = RedisErrors.prefix(thrown.getMessage());
        record(name, nanos, prefix, prefix);
      } else {
        String type = thrown.getClass().getName();
        record(name, nanos, type, null);
        failQueued(c, type);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jedis-reply", "cannot record a Jedis reply", e);
    }
  }

  private void failQueued(JedisConnection c, String type) {
    long now = System.nanoTime();
    while (c.size() > 0) {
      record(c.oldestName(), now - c.oldestStart(), type, null);
      c.dropOldest();
    }
  }

  private JedisConnection jedisConnection(Object connection) {
    JedisConnection known = jedisConnections.get(connection);
    if (known != null) {
      return known;
    }
    RedisServer server = jedisServer(connection);
    if (server.known()) {
      server.jedis = true; // never on the shared UNKNOWN
    }
    JedisConnection created = new JedisConnection(server);
    jedisConnections.put(connection, created);
    return created;
  }

  private RedisServer jedisServer(Object connection) {
    try {
      return servers.of(ServerAddresses.ofJedis(connection));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jedis-address " + connection.getClass().getName(),
          "cannot read the server of a Jedis connection; its commands are timed without health check", e);
      return RedisServer.UNKNOWN;
    }
  }

  @Override
  public void jedisBorrowed(Object pool, Object resource, long startNanos, Throwable thrown) {
    long nanos = System.nanoTime() - startNanos;
    try {
      JedisPoolEntry entry = pools.entryFor(pool, resource, serverOfResource);
      if (entry == null) {
        return;
      }
      if (thrown == null) {
        entry.waitTime.record(nanos);
      } else if (isExhausted(thrown)) {
        entry.timeouts.increment();
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("jedis-borrow", "cannot record a Jedis pool borrow", e);
    }
  }

  /** The server of what a pool handed out (null when the borrow failed): names the pool. */
  private RedisServer serverOfResource(Object resource) {
    if (resource == null) {
      return RedisServer.UNKNOWN;
    }
    try {
      Object connection = ServerAddresses.jedisConnectionOf(resource);
      return connection == null ? RedisServer.UNKNOWN : jedisConnection(connection).server;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return RedisServer.UNKNOWN;
    }
  }

  /** commons-pool2 gave up waiting: {@code NoSuchElementException}, or Jedis 3's own exception. */
  static boolean isExhausted(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.util.NoSuchElementException
          || t.getClass().getName().endsWith("ExhaustedPoolException")) {
        return true;
      }
    }
    return false;
  }

  // ---- Lettuce ----

  @Override
  public void lettuceDispatched(Object connection, Object command, Object keyword) {
    try {
      inFlight.put(command, new InFlight(System.nanoTime(), names.ofKeyword(keyword), lettuceServer(connection)));
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("lettuce-dispatch", "cannot record a Lettuce command", e);
    }
  }

  @Override
  public void lettuceCompleted(Object command, String error, Throwable thrown, boolean cancelled) {
    try {
      // The look-up takes no lock; only a dispatched command goes on to the (locking) removal,
      // which also makes sure that a command completed twice (cancel racing a reply) counts once.
      if (inFlight.get(command) == null) {
        return;
      }
      InFlight f = inFlight.remove(command);
      if (f == null) {
        return;
      }
      long nanos = System.nanoTime() - f.startNanos;
      if (cancelled) {
        // The sync API cancels the command it stopped waiting for: that is its timeout.
        record(f.name, nanos, AWAITING.get()[0] ? TIMEOUT : RedisErrors.CANCELLED, null);
      } else if (thrown != null) {
        String type = RedisErrors.type(thrown);
        record(f.name, nanos, type, RedisErrors.isServerError(thrown) ? type : null);
      } else if (error != null) {
        String prefix = RedisErrors.prefix(error);
        record(f.name, nanos, prefix, prefix);
      } else {
        record(f.name, nanos, null, null);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("lettuce-complete", "cannot record a Lettuce completion", e);
    }
  }

  @Override
  public boolean lettuceAwaitStarted() {
    boolean[] flag = AWAITING.get();
    boolean previous = flag[0];
    flag[0] = true;
    return previous;
  }

  @Override
  public void lettuceAwaitEnded(boolean previous) {
    AWAITING.get()[0] = previous;
  }

  private RedisServer lettuceServer(Object connection) {
    RedisServer known = lettuceConnections.get(connection);
    if (known != null) {
      return known;
    }
    RedisServer server;
    try {
      server = servers.of(ServerAddresses.ofLettuce(connection));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AgentLog.warnOnce("lettuce-address " + connection.getClass().getName(),
          "cannot read the server of a Lettuce connection; its commands are timed without health check", e);
      server = RedisServer.UNKNOWN;
    }
    if (server.known()) {
      server.lettuce = true;
    }
    lettuceConnections.put(connection, server);
    return server;
  }

  // ---- recording ----

  private void record(String name, long nanos, String errorType, String statusCode) {
    duration.series().get(SYSTEM, null, name, null, errorType, statusCode).record(nanos);
  }

  // ---- for readers ----

  public LatencyHistogram duration() {
    return duration;
  }

  public LatencyHistogram waitTime() {
    return waitTime;
  }

  public List<PoolFigures> pools() {
    return pools.read();
  }

  /** The servers seen so far, as host:port with the version their health check read. */
  public List<Map<String, Object>> servers() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RedisServer s : servers.all()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("address", s.address());
      row.put("version", s.version);
      row.put("tls", s.tls);
      row.put("clients", RedisServerHealth.clients(s));
      out.add(row);
    }
    return out;
  }
}
