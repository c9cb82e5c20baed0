package dev.monitor.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Lettuce application for the Redis tests: one shared connection (commands time out after
 * {@code redis.timeoutMs}, 1000) and a control port whose paths run known commands through the
 * sync, async or reactive API ({@code ?api=}). It calls only methods Lettuce 5.0 and the latest
 * share. Failures are answered as {@code error <class> <first word>}.
 */
public final class LettuceApp {

  static final String SECRET_VALUE = "secret-value-xyz";
  static final String SECRET_KEY = "secret-key-abc";

  private final RedisClient client;
  private final RedisURI uri;
  private final StatefulRedisConnection<String, String> connection;

  private LettuceApp(RedisURI uri) {
    this.uri = uri;
    this.client = RedisClient.create(uri);
    this.connection = client.connect();
  }

  public static void main(String[] args) throws Exception {
    RedisURI uri =
        RedisURI.builder()
            .withHost("127.0.0.1")
            .withPort(Integer.getInteger("redis.port"))
            .withTimeout(Duration.ofMillis(Long.getLong("redis.timeoutMs", 1000)))
            .build();
    LettuceApp app = new LettuceApp(uri);
    System.out.println("APP lettuce from " + RedisClient.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    ControlServer.start(app::run);
  }

  private String run(String op, Map<String, String> q) throws Exception {
    String api = q.getOrDefault("api", "sync");
    try {
      switch (op) {
        case "mix":
          return api.equals("async") ? mixAsync() : api.equals("reactive") ? mixReactive() : mixSync();
        case "wrongtype":
          connection.sync().hset("a-hash", "field", SECRET_VALUE);
          if (api.equals("async")) {
            return "got " + connection.async().get("a-hash").get(5, TimeUnit.SECONDS);
          }
          if (api.equals("reactive")) {
            return "got " + connection.reactive().get("a-hash").block();
          }
          return "got " + connection.sync().get("a-hash");
        case "timeout":
          // BLPOP blocks on the server for 2 s; the client gives up after redis.timeoutMs
          try (StatefulRedisConnection<String, String> own = client.connect()) {
            return "popped " + own.sync().blpop(2, "empty-list");
          }
        case "cancel":
          try (StatefulRedisConnection<String, String> own = client.connect()) {
            RedisFuture<?> future = own.async().blpop(2, "empty-list");
            Thread.sleep(50);
            return "cancelled " + future.cancel(true);
          }
        case "get":
          return "got " + connection.sync().get(SECRET_KEY + "0");
        default:
          return "unknown op " + op;
      }
    } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
      Throwable t = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      String message = String.valueOf(t.getMessage());
      return "error " + t.getClass().getName() + " " + message.split(" ")[0];
    }
  }

  /** SET 3, GET 4, HSET 1, HGETALL 2, EVAL 1, PING 1. */
  private String mixSync() {
    RedisCommands<String, String> redis = connection.sync();
    for (int i = 0; i < 3; i++) {
      redis.set(SECRET_KEY + i, SECRET_VALUE);
    }
    for (int i = 0; i < 4; i++) {
      redis.get(SECRET_KEY + (i % 3));
    }
    redis.hset(SECRET_KEY + "-hash", "field", SECRET_VALUE);
    redis.hgetall(SECRET_KEY + "-hash");
    redis.hgetall(SECRET_KEY + "-hash");
    Object got = redis.eval("return redis.call('GET', KEYS[1])", ScriptOutputType.VALUE, SECRET_KEY + "0");
    return "mixed " + SECRET_VALUE.equals(got) + " " + redis.ping();
  }

  private String mixAsync() throws Exception {
    RedisAsyncCommands<String, String> redis = connection.async();
    List<RedisFuture<?>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      futures.add(redis.set(SECRET_KEY + i, SECRET_VALUE));
    }
    for (int i = 0; i < 4; i++) {
      futures.add(redis.get(SECRET_KEY + (i % 3)));
    }
    futures.add(redis.hset(SECRET_KEY + "-hash", "field", SECRET_VALUE));
    futures.add(redis.hgetall(SECRET_KEY + "-hash"));
    futures.add(redis.hgetall(SECRET_KEY + "-hash"));
    RedisFuture<Object> eval =
        redis.eval("return redis.call('GET', KEYS[1])", ScriptOutputType.VALUE, SECRET_KEY + "0");
    RedisFuture<String> ping = redis.ping();
    for (RedisFuture<?> f : futures) {
      f.get(5, TimeUnit.SECONDS);
    }
    return "mixed " + SECRET_VALUE.equals(eval.get(5, TimeUnit.SECONDS)) + " " + ping.get(5, TimeUnit.SECONDS);
  }

  private String mixReactive() {
    RedisReactiveCommands<String, String> redis = connection.reactive();
    for (int i = 0; i < 3; i++) {
      redis.set(SECRET_KEY + i, SECRET_VALUE).block();
    }
    for (int i = 0; i < 4; i++) {
      redis.get(SECRET_KEY + (i % 3)).block();
    }
    redis.hset(SECRET_KEY + "-hash", "field", SECRET_VALUE).block();
    // HGETALL's reactive form differs across versions (a Mono of a map, or a Flux of
    // key-values), so it runs twice through the sync API here
    connection.sync().hgetall(SECRET_KEY + "-hash");
    connection.sync().hgetall(SECRET_KEY + "-hash");
    Object got =
        redis.eval("return redis.call('GET', KEYS[1])", ScriptOutputType.VALUE, SECRET_KEY + "0").blockFirst();
    return "mixed " + SECRET_VALUE.equals(got) + " " + redis.ping().block();
  }
}
