package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * A real redis-server (the binary embedded-redis ships on Maven Central), on a free port, that a
 * test can stop and start again on the same port to see Redis go down and come back.
 */
final class Redis implements AutoCloseable {

  final int port;
  private redis.embedded.RedisServer server;

  private Redis(int port) {
    this.port = port;
  }

  static Redis started() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Redis redis = new Redis(port);
    redis.start();
    return redis;
  }

  void start() throws IOException {
    server =
        redis.embedded.RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
  }

  /** The server's own answer to INFO, read with the test's Jedis. */
  String version() {
    try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
      for (String line : jedis.info("server").split("\r\n")) {
        if (line.startsWith("redis_version:")) {
          return line.substring("redis_version:".length());
        }
      }
    }
    throw new IllegalStateException("INFO server has no redis_version");
  }

  void stop() throws IOException {
    server.stop();
  }

  @Override
  public void close() throws IOException {
    if (server != null && server.isActive()) {
      server.stop();
    }
  }

  /**
   * Stops this server under {@code app} and starts it again: readiness must go 503 with a DOWN
   * status (liveness staying 200) and come back to 200 UP.
   */
  void stopAndStartUnder(ChildJvm app) throws Exception {
    ObjectMapper json = new ObjectMapper();
    stop();
    assertEquals(
        "DOWN", json.readTree(app.awaitMonitor("/health/ready", 503)).get("status").asText());
    assertEquals(200, app.monitor("/health/live").statusCode());
    start();
    assertEquals(
        "UP", json.readTree(app.awaitMonitor("/health/ready", 200)).get("status").asText());
  }
}
