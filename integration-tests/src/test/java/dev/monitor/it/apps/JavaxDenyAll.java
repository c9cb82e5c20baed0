package dev.monitor.it.apps;

import javax.websocket.OnMessage;
import javax.websocket.server.ServerEndpoint;
import javax.websocket.server.ServerEndpointConfig;

/** An endpoint whose configurator refuses every origin: each upgrade is answered 403. */
@ServerEndpoint(value = "/ws/guarded", configurator = JavaxDenyAll.Deny.class)
public final class JavaxDenyAll {

  @OnMessage
  public String message(String text) {
    return text;
  }

  /** Refuses every origin. */
  public static final class Deny extends ServerEndpointConfig.Configurator {
    @Override
    public boolean checkOrigin(String originHeaderValue) {
      return false;
    }
  }
}
