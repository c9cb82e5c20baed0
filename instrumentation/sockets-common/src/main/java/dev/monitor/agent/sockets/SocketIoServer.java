package dev.monitor.agent.sockets;

/** A Socket.IO server the application started: where it listens and whether it was stopped. */
final class SocketIoServer {

  final String implementation;
  /** Null when the server listens on every interface. */
  final String host;
  final int port;
  volatile boolean stopped;

  SocketIoServer(String implementation, String host, int port) {
    this.implementation = implementation;
    this.host = host;
    this.port = port;
  }

  /** host:port, or the implementation's name for a server inside a servlet container. */
  String address() {
    return port <= 0 ? implementation : (host == null ? "0.0.0.0" : host) + ":" + port;
  }
}
