package dev.monitor.it;

/**
 * netty-socketio 1.7.9, the oldest version tested (the first on Netty 4.1), swapped in for the
 * test-scope one, with the Java client of its protocol (socket.io-client 1.0, Engine.IO v3).
 */
class SocketIoOldestTest extends SocketIoScenario {

  @Override
  ChildJvm.Builder server(ChildJvm.Builder builder) {
    return builder.replacing("netty-socketio-", "netty-socketio-1.7.9.jar");
  }

  @Override
  ChildJvm.Builder clients(ChildJvm.Builder builder) {
    return builder
        .replacing("socket.io-client-", "socket.io-client-1.0.2.jar")
        .replacing("engine.io-client-", "engine.io-client-1.0.2.jar");
  }

  @Override
  String expectedJar() {
    return "netty-socketio-1.7.9.jar";
  }
}
