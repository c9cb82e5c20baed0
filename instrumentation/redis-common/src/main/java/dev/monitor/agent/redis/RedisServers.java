package dev.monitor.agent.redis;

import dev.monitor.agent.metrics.FirstSeen;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every Redis server the service has reached, by host and port; the first sight of one adds its
 * health check. Bounded (a cluster may have many nodes): past {@link #LIMIT} servers, new ones
 * are timed under their address but get no health check. Thread-safe ({@link FirstSeen}).
 */
final class RedisServers {

  static final int LIMIT = 32;

  private final FirstSeen<String, RedisServer> byAddress = FirstSeen.byValue("Redis servers (no health check)", LIMIT);
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
    if (known != null) {
      return known;
    }
    RedisServer server =
        byAddress.entryFor(
            key,
            k -> {
              RedisServer added = new RedisServer(address.host, address.port, address.tls);
              onAdded.accept(added);
              return added;
            });
    return server != null ? server : new RedisServer(address.host, address.port, address.tls);
  }

  List<RedisServer> all() {
    return byAddress.entries();
  }
}
