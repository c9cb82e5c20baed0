package dev.monitor.agent.sockets;

/** What the agent keeps per connected Socket.IO client and namespace. */
final class SocketIoClient {

  final String namespace;
  /** Set when the application asked to disconnect this client (2.0 completes it later). */
  volatile boolean disconnectRequested;

  SocketIoClient(String namespace) {
    this.namespace = namespace;
  }
}
