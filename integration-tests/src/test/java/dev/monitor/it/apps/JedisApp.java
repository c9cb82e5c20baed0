package dev.monitor.it.apps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;

/**
 * A Jedis application for the Redis tests: a {@code JedisPool} of {@code redis.max} connections
 * (2) whose borrowers wait {@code redis.waitMs} (700), and a control port whose paths run known
 * commands. It calls only methods whose signatures Jedis 3.0 and the latest share, so the same
 * classes run against both. Failures are answered as {@code error <class> <first word>}.
 */
public final class JedisApp {

  /** Argument values the tests look for: they must never leave the process. */
  static final String SECRET_VALUE = "secret-value-xyz";
  static final String SECRET_KEY = "secret-key-abc";

  private final JedisPool pool;
  private final String host;
  private final int port;

  private JedisApp(String host, int port) {
    GenericObjectPoolConfig config = new GenericObjectPoolConfig();
    config.setMaxTotal(Integer.getInteger("redis.max", 2));
    config.setMaxWaitMillis(Long.getLong("redis.waitMs", 700));
    this.pool = new JedisPool(config, host, port);
    this.host = host;
    this.port = port;
  }

  public static void main(String[] args) throws Exception {
    JedisApp app = new JedisApp("127.0.0.1", Integer.getInteger("redis.port"));
    System.out.println("APP jedis from " + Jedis.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    ControlServer.start(app::run);
  }

  private String run(String op, Map<String, String> q) throws Exception {
    try {
      switch (op) {
        case "mix":
          return mix();
        case "pipeline":
          return pipeline(Integer.parseInt(q.getOrDefault("n", "5")));
        case "multi":
          return multi();
        case "wrongtype":
          try (Jedis jedis = pool.getResource()) {
            jedis.hmset("a-hash", singleField());
            return "got " + jedis.get("a-hash");
          }
        case "hold":
          return hold(Integer.parseInt(q.getOrDefault("n", "2")), Long.parseLong(q.getOrDefault("ms", "2000")));
        case "borrow":
          try (Jedis jedis = pool.getResource()) {
            return "borrowed";
          }
        case "plain":
          // a connection of its own, no pool
          try (Jedis jedis = new Jedis(host, port)) {
            return jedis.ping();
          }
        case "pooled":
          return Pooled.run(host, port);
        default:
          return "unknown op " + op;
      }
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      return "error " + e.getClass().getName() + " " + message.split(" ")[0];
    }
  }

  /** SET 3, GET 4, HMSET 1, HGETALL 2, EVAL 1, PING 1. */
  private String mix() {
    try (Jedis jedis = pool.getResource()) {
      for (int i = 0; i < 3; i++) {
        jedis.set(SECRET_KEY + i, SECRET_VALUE);
      }
      for (int i = 0; i < 4; i++) {
        jedis.get(SECRET_KEY + (i % 3));
      }
      jedis.hmset(SECRET_KEY + "-hash", singleField());
      jedis.hgetAll(SECRET_KEY + "-hash");
      jedis.hgetAll(SECRET_KEY + "-hash");
      Object got = jedis.eval("return redis.call('GET', KEYS[1])", 1, SECRET_KEY + "0");
      return "mixed " + got.equals(SECRET_VALUE) + " " + jedis.ping();
    }
  }

  /** n SET and n GET in one pipeline. */
  private String pipeline(int n) {
    try (Jedis jedis = pool.getResource()) {
      Pipeline p = jedis.pipelined();
      for (int i = 0; i < n; i++) {
        p.set("pipelined-" + i, SECRET_VALUE);
      }
      for (int i = 0; i < n; i++) {
        p.get("pipelined-" + i);
      }
      p.sync();
      return "pipelined " + n;
    }
  }

  /** MULTI, SET, GET, EXEC. */
  private String multi() {
    try (Jedis jedis = pool.getResource()) {
      Transaction t = jedis.multi();
      t.set("in-multi", SECRET_VALUE);
      t.get("in-multi");
      List<Object> results = t.exec();
      return "exec " + results.size();
    }
  }

  /** Borrows n connections on n threads and holds them for ms; answers once all are held. */
  private String hold(int n, long ms) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(n);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () -> {
                try (Jedis jedis = pool.getResource()) {
                  held.countDown();
                  Thread.sleep(ms);
                } catch (Exception e) {
                  synchronized (failures) {
                    failures.add(e.toString());
                  }
                  held.countDown();
                }
              });
      t.start();
    }
    held.await();
    return failures.isEmpty() ? "holding " + n : "failed " + failures;
  }

  private static Map<String, String> singleField() {
    Map<String, String> fields = new HashMap<>();
    fields.put("field", SECRET_VALUE);
    return fields;
  }

  /**
   * Jedis 8's {@code RedisClient} (the {@code JedisPooled} of Jedis 4 to 7: a pool of
   * connections behind one object), in its own class so Jedis 3 never loads it.
   */
  static final class Pooled {
    private static redis.clients.jedis.RedisClient pooled;

    static synchronized String run(String host, int port) {
      if (pooled == null) {
        pooled = redis.clients.jedis.RedisClient.create(host, port);
      }
      pooled.set("pooled", SECRET_VALUE);
      return "pooled " + pooled.get("pooled").equals(SECRET_VALUE);
    }
  }
}
