package dev.monitor.agent.sockets;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The Socket.IO servers the application started, one health check each. Thread-safe; start and
 * stop are rare, so registration is simply synchronized.
 */
final class SocketIoServers {

  private final ConcurrentWeakIdentityMap<Object, SocketIoServer> servers = new ConcurrentWeakIdentityMap<>();
  private final Consumer<HealthCheck> onAdded;
  /** Clients connected now, across every Socket.IO server of the JVM (read by the checks). */
  private final LongSupplier activeConnections;

  SocketIoServers(Consumer<HealthCheck> onAdded, LongSupplier activeConnections) {
    this.onAdded = onAdded;
    this.activeConnections = activeConnections;
  }

  synchronized void started(Object server, String implementation, String host, int port) {
    SocketIoServer known = servers.get(server);
    if (known != null) {
      known.stopped = false;
      return;
    }
    String bound = host == null || host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host) ? null : host;
    SocketIoServer added = new SocketIoServer(implementation, bound, port);
    servers.put(server, added);
    onAdded.accept(new SocketIoServerHealth(added, activeConnections));
  }

  void stopped(Object server) {
    SocketIoServer known = servers.get(server);
    if (known != null) {
      known.stopped = true;
    }
  }
}
