package dev.monitor.agent.sockets;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.metrics.FirstSeen;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The Socket.IO servers the application started, one health check each (at most {@link #LIMIT}).
 * Thread-safe ({@link FirstSeen}); a restarted server keeps its check.
 */
final class SocketIoServers {

  static final int LIMIT = 64;

  private final FirstSeen<Object, SocketIoServer> servers = FirstSeen.byIdentity("Socket.IO servers", LIMIT);
  private final Consumer<HealthCheck> onAdded;
  /** Clients connected now, across every Socket.IO server of the JVM (read by the checks). */
  private final LongSupplier activeConnections;

  SocketIoServers(Consumer<HealthCheck> onAdded, LongSupplier activeConnections) {
    this.onAdded = onAdded;
    this.activeConnections = activeConnections;
  }

  void started(Object server, String implementation, String host, int port) {
    SocketIoServer known = servers.get(server);
    if (known != null) {
      known.stopped = false;
      return;
    }
    servers.entryFor(
        server,
        s -> {
          String bound = host == null || host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host) ? null : host;
          SocketIoServer added = new SocketIoServer(implementation, bound, port);
          onAdded.accept(new SocketIoServerHealth(added, activeConnections));
          return added;
        });
  }

  void stopped(Object server) {
    SocketIoServer known = servers.get(server);
    if (known != null) {
      known.stopped = true;
    }
  }
}
