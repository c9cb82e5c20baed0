package dev.monitor.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;

/**
 * One Jedis {@code GET} against a real redis-server on loopback (started per fork by
 * embedded-redis). {@code get} runs on one open connection (what the agent adds to a command:
 * its write, its reply and the record); {@code pooledGet} borrows from a {@code JedisPool},
 * runs the GET and returns the connection (adding the borrow's timing); {@code pipelinedGet}
 * sends 100 GETs in one pipeline and reads the 100 replies, so the loopback round trip, which
 * dwarfs everything else in the other two, is shared and the per-command cost shows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JedisBenchmark {

  static final int PIPELINE = 100;

  private redis.embedded.RedisServer server;
  private Jedis jedis;
  private JedisPool pool;

  @Setup(Level.Trial)
  public void start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    server =
        redis.embedded.RedisServer.newRedisServer()
            .port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
    server.start();
    jedis = new Jedis("127.0.0.1", port);
    jedis.set("bench-key", "bench-value");
    pool = new JedisPool(new JedisPoolConfig(), "127.0.0.1", port);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    jedis.close();
    pool.close();
    server.stop();
  }

  @Benchmark
  public String get() {
    return jedis.get("bench-key");
  }

  @Benchmark
  @OperationsPerInvocation(PIPELINE)
  public Object pipelinedGet() {
    Pipeline p = jedis.pipelined();
    for (int i = 0; i < PIPELINE; i++) {
      p.get("bench-key");
    }
    return p.syncAndReturnAll();
  }

  @Benchmark
  public String pooledGet() {
    try (Jedis pooled = pool.getResource()) {
      return pooled.get("bench-key");
    }
  }
}
