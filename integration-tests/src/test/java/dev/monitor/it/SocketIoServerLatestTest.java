package dev.monitor.it;

/**
 * {@code io.socket:socket.io-server} 4.1.2, the latest (engine.io-server 6.3.2, jakarta.servlet),
 * swapped in for 4.0, on Tomcat 10.1 over long-polling, driven by the same Java clients.
 */
class SocketIoServerLatestTest extends SocketIoServerJettyTest {

  @Override
  String mainClass() {
    return "dev.monitor.it.apps.SocketIoServerTomcatApp";
  }

  @Override
  ChildJvm.Builder server(ChildJvm.Builder builder) {
    return builder
        .replacing("socket.io-server-", "socket.io-server-4.1.2.jar")
        .replacing("engine.io-server-6", "engine.io-server-6.3.2.jar");
  }

  @Override
  ChildJvm.Builder clients(ChildJvm.Builder builder) {
    return builder.property("socketio.transport", "polling");
  }

  @Override
  String expectedJar() {
    return "socket.io-server-4.1.2.jar";
  }
}
