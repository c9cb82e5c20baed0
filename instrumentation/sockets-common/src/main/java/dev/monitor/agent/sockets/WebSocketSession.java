package dev.monitor.agent.sockets;

/** What the agent keeps per open WebSocket session. Immutable. */
final class WebSocketSession {

  final String endpoint;

  WebSocketSession(String endpoint) {
    this.endpoint = endpoint;
  }
}
