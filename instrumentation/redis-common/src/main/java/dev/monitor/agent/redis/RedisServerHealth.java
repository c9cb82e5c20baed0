package dev.monitor.agent.redis;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The health of one Redis server the service has used: a {@code PING} on a fresh connection with
 * a 2 s timeout (its time is {@code pingMs}), then {@code INFO server} once for the version.
 * UP on {@code PONG}, and also on {@code -NOAUTH}: the server answers, and the agent does not
 * hold the service's password. DEGRADED on another error reply ({@code -LOADING},
 * {@code -BUSY}, {@code -MASTERDOWN}); DOWN when it cannot be reached or does not answer.
 * {@link dev.monitor.agent.health.HealthChecks} adds the overall timeout and the cache.
 */
public final class RedisServerHealth implements HealthCheck {

  static final int TIMEOUT_MILLIS = 2_000;

  private final RedisServer server;

  RedisServerHealth(RedisServer server) {
    this.server = server;
  }

  @Override
  public String name() {
    return "redis:" + server.address();
  }

  @Override
  public Kind kind() {
    return Kind.DEPENDENCY;
  }

  @Override
  public String group() {
    return "redis";
  }

  @Override
  public HealthStatus check(Map<String, Object> details) throws Exception {
    details.put("server.address", server.host);
    details.put("server.port", server.port);
    details.put("tls", server.tls);
    details.put("clients", clients(server));
    try (RespPing connection = new RespPing(server, TIMEOUT_MILLIS)) {
      long start = System.nanoTime();
      String reply = connection.ping();
      details.put("pingMs", Math.round((System.nanoTime() - start) / 1e4) / 100.0);
      if (reply.startsWith("-NOAUTH") || reply.startsWith("-WRONGPASS") || reply.startsWith("-NOPERM")) {
        details.put("note", "the server requires authentication; it answered, the version is not read");
        putVersion(details);
        return HealthStatus.UP;
      }
      if (reply.startsWith("-")) {
        details.put("error", "PING answered " + RedisErrors.prefix(reply.substring(1)));
        return HealthStatus.DEGRADED;
      }
      if (!reply.equals("+PONG")) {
        details.put("error", "unexpected PING reply: not a Redis server?");
        return HealthStatus.DOWN;
      }
      if (server.version == null) {
        String info = connection.infoServer();
        if (info != null) {
          server.mode = RespPing.infoValue(info, "redis_mode");
          server.version = RespPing.infoValue(info, "redis_version");
        }
      }
      putVersion(details);
      return HealthStatus.UP;
    }
  }

  private void putVersion(Map<String, Object> details) {
    if (server.version != null) {
      details.put("version", server.version);
      details.put("mode", server.mode);
    }
  }

  static List<String> clients(RedisServer server) {
    List<String> out = new ArrayList<>(2);
    if (server.jedis) {
      out.add("jedis");
    }
    if (server.lettuce) {
      out.add("lettuce");
    }
    return out;
  }
}
