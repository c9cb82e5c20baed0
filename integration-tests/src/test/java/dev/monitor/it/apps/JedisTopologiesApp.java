package dev.monitor.it.apps;

import java.util.Collections;
import java.util.Map;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisSentinelPool;

/**
 * Jedis beyond {@code JedisPool}: {@code redis.topology} is {@code pooled} (Jedis 8's {@code RedisClient}, or
 * {@code JedisPooled} before it, on {@code redis.port}), {@code sentinel} (a {@code JedisSentinelPool} for master {@code mymaster}
 * through the sentinel on {@code redis.port}) or {@code cluster} (a {@code JedisCluster} that
 * discovers the nodes from the one on {@code redis.port}). {@code /set?n=} sets and gets n keys.
 */
public final class JedisTopologiesApp {

  private JedisTopologiesApp() {}

  interface Commands {
    void setAndGet(String key);
  }

  public static void main(String[] args) throws Exception {
    System.out.println("APP jedis from " + Jedis.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    String topology = System.getProperty("redis.topology");
    int port = Integer.getInteger("redis.port");
    Commands commands;
    switch (topology) {
      case "pooled":
        // Jedis 8's pooled client (RedisClient; JedisPooled in Jedis 4 to 7), by reflection: the
        // tests compile against Jedis 3.0
        Object pooled;
        Class<?> type;
        try {
          type = Class.forName("redis.clients.jedis.RedisClient");
          pooled = type.getMethod("create", String.class, int.class).invoke(null, "127.0.0.1", port);
        } catch (ClassNotFoundException e) {
          type = Class.forName("redis.clients.jedis.JedisPooled");
          pooled = type.getConstructor(String.class, int.class).newInstance("127.0.0.1", port);
        }
        System.out.println("APP pooled client " + type.getName());
        java.lang.reflect.Method set = type.getMethod("set", String.class, String.class);
        java.lang.reflect.Method get = type.getMethod("get", String.class);
        Object client = pooled;
        commands = key -> {
          try {
            set.invoke(client, key, "v");
            get.invoke(client, key);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        };
        break;
      case "sentinel":
        JedisSentinelPool sentinel =
            new JedisSentinelPool("mymaster", Collections.singleton("127.0.0.1:" + port));
        commands = key -> {
          try (Jedis jedis = sentinel.getResource()) {
            jedis.set(key, "v");
            jedis.get(key);
          }
        };
        break;
      case "cluster":
        JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", port));
        commands = key -> {
          cluster.set(key, "v");
          cluster.get(key);
        };
        break;
      default:
        throw new IllegalArgumentException("redis.topology: pooled, sentinel or cluster, not " + topology);
    }
    ControlServer.start((op, query) -> run(commands, op, query));
  }

  private static String run(Commands commands, String op, Map<String, String> query) {
    if (!op.equals("set")) {
      return "unknown op " + op;
    }
    int n = Integer.parseInt(query.getOrDefault("n", "1"));
    for (int i = 0; i < n; i++) {
      commands.setAndGet("key-" + i);
    }
    return "ok " + n;
  }
}
