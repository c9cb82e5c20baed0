package dev.monitor.it;

/** An annotated javax.websocket endpoint on Jetty 9.4, which calls its methods directly. */
class WebSocketJettyJavaxTest extends WebSocketScenario {

  @Override
  String mainClass() {
    return "dev.monitor.it.apps.WebSocketJettyApp";
  }

  @Override
  String closeClassAfterHandlerError() {
    return "normal";
  }
}
