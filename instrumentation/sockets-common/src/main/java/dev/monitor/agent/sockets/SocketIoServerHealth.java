package dev.monitor.agent.sockets;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Whether a Socket.IO server the application started still listens: a TCP connect to its port
 * (on loopback when it listens on every interface) with a 1 s timeout, plus the clients connected
 * now. UP when it accepts, DOWN when it was stopped or refuses; as a
 * {@link HealthCheck.Kind#COMPONENT} it makes {@code /health} DEGRADED, never a probe fail.
 */
final class SocketIoServerHealth implements HealthCheck {

  private static final int TIMEOUT_MILLIS = 1_000;

  private final SocketIoServer server;
  private final LongSupplier activeConnections;

  SocketIoServerHealth(SocketIoServer server, LongSupplier activeConnections) {
    this.server = server;
    this.activeConnections = activeConnections;
  }

  @Override
  public String name() {
    return "socketio:" + server.address();
  }

  @Override
  public Kind kind() {
    return Kind.COMPONENT;
  }

  @Override
  public HealthStatus check(Map<String, Object> details) {
    details.put("implementation", server.implementation);
    details.put("port", server.port);
    details.put("activeConnections", activeConnections.getAsLong());
    if (server.stopped) {
      details.put("listening", false);
      details.put("error", "the application stopped (shut down) the server");
      return HealthStatus.DOWN;
    }
    if (server.port <= 0) {
      details.put("listening", true);
      details.put("note", "served by the servlet container, or on an ephemeral port: the port is not probed");
      return HealthStatus.UP;
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(server.host == null ? "127.0.0.1" : server.host, server.port), TIMEOUT_MILLIS);
      details.put("listening", true);
      return HealthStatus.UP;
    } catch (IOException e) {
      details.put("listening", false);
      details.put("error", "port " + server.port + " refuses connections: " + e.getMessage());
      return HealthStatus.DOWN;
    }
  }
}
