package dev.monitor.agent.redis;

import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every Redis server the service has reached, by host and port; the first sight of one adds its
 * health check. Bounded (a cluster may have many nodes): past {@link #LIMIT} servers, new ones
 * are timed but get no health check. Thread-safe.
 */
final class RedisServers {

  static final int LIMIT = 32;

  private final Map<String, RedisServer> byAddress = new ConcurrentHashMap<>();
  private final Consumer<RedisServer> onAdded;

  RedisServers(Consumer<RedisServer> onAdded) {
    this.onAdded = onAdded;
  }

  RedisServer of(ServerAddresses.Address address) {
    if (address == null || address.host == null || address.port <= 0) {
      return RedisServer.UNKNOWN;
    }
    String key = address.host + ":" + address.port;
    RedisServer known = byAddress.get(key);
    return known != null ? known : add(key, address);
  }

  private synchronized RedisServer add(String key, ServerAddresses.Address address) {
    RedisServer known = byAddress.get(key);
    if (known != null) {
      return known;
    }
    RedisServer server = new RedisServer(address.host, address.port, address.tls);
    if (byAddress.size() >= LIMIT) {
      AgentLog.warnOnce("redis-servers", "more than " + LIMIT + " Redis servers; " + key + " and later ones get no health check", null);
      return server;
    }
    byAddress.put(key, server);
    onAdded.accept(server);
    return server;
  }

  List<RedisServer> all() {
    return new ArrayList<>(byAddress.values());
  }
}
