package dev.monitor.demo;

import java.io.IOException;
import java.net.ServerSocket;
import javax.sql.DataSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The demo's cache: a Jedis pool in front of the database. {@code demo.redis} names the server:
 * {@code host:port} for one that runs already, {@code embedded} (the default) for a real
 * redis-server the demo starts itself from the embedded-redis binaries, {@code none} for no cache
 * (the cache endpoint then answers 503).
 */
final class DemoRedis {

  private DemoRedis() {}

  /** The pool, or null when {@code demo.redis=none} or the embedded server cannot start. */
  static JedisPool start() {
    String setting = System.getProperty("demo.redis", "embedded").trim();
    if (setting.equals("none")) {
      return null;
    }
    String host = "127.0.0.1";
    int port;
    if (setting.equals("embedded")) {
      try {
        port = startEmbedded();
      } catch (IOException | RuntimeException e) {
        System.err.println("demo: no embedded redis-server (" + e + "); /api/cache answers 503");
        return null;
      }
    } else {
      int colon = setting.lastIndexOf(':');
      try {
        port = Integer.parseInt(setting.substring(colon + 1));
      } catch (NumberFormatException e) {
        System.err.println("demo: demo.redis must be host:port, embedded or none, not '" + setting + "'");
        return null;
      }
      host = colon > 0 ? setting.substring(0, colon) : host;
    }
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(8);
    config.setMaxWait(java.time.Duration.ofSeconds(2));
    return new JedisPool(config, host, port);
  }

  private static int startEmbedded() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    redis.embedded.RedisServer server =
        redis.embedded.RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                  } catch (IOException e) {
                    // the JVM exits anyway
                  }
                },
                "demo-redis-stop"));
    return port;
  }

  /** Cache-aside: the user's name from Redis, else from the database, then kept 60 s in Redis. */
  static String userName(JedisPool cache, DataSource db, int id) throws java.sql.SQLException {
    String key = "user:" + id;
    try (Jedis jedis = cache.getResource()) {
      String name = jedis.get(key);
      if (name == null) {
        name = DemoDatabase.userName(db, id);
        if (name != null) {
          jedis.setex(key, 60, name);
        }
      }
      return name;
    }
  }
}
