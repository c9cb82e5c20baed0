package dev.monitor.it;

/**
 * {@code io.socket:socket.io-server} 4.0.0, its first 4.x, on engine.io-server 6.1.0 and its
 * Jetty adapter, swapped in for 4.0.1 and 6.2.1 on Jetty 9.4: the same scenario, unchanged.
 */
class SocketIoServerOldestTest extends SocketIoServerJettyTest {

  @Override
  ChildJvm.Builder server(ChildJvm.Builder builder) {
    return builder
        .replacing("socket.io-server-", "socket.io-server-4.0.0.jar")
        .replacing("engine.io-server-6", "engine.io-server-6.1.0.jar")
        .replacing("engine.io-server-jetty-", "engine.io-server-jetty-6.1.0.jar");
  }

  @Override
  String expectedJar() {
    return "socket.io-server-4.0.0.jar";
  }
}
