package dev.monitor.it;

/** netty-socketio 2.0 (the latest) with the latest Java client (Socket.IO protocol v5). */
class SocketIoLatestTest extends SocketIoScenario {

  @Override
  String expectedJar() {
    return "netty-socketio-2.0.14.jar";
  }
}
