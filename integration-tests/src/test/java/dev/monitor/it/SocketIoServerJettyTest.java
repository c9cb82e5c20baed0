package dev.monitor.it;

/**
 * {@code io.socket:socket.io-server} 4.0 on Jetty 9.4, driven by the same Java clients as the
 * netty-socketio tests: the same instruments, with the library's own disconnect reasons.
 */
class SocketIoServerJettyTest extends SocketIoScenario {

  @Override
  String mainClass() {
    return "dev.monitor.it.apps.SocketIoServerJettyApp";
  }

  @Override
  String expectedJar() {
    return "socket.io-server-4.0.1.jar";
  }

  @Override
  String implementation() {
    return "socket.io-server";
  }

  @Override
  String healthCheckName() {
    return "socketio:socket.io-server";
  }

  @Override
  boolean handlerErrorsVisible() {
    return false;
  }

  @Override
  boolean serverDisconnectRacesTransportClose() {
    return true;
  }
}
