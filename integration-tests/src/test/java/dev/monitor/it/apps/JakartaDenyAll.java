package dev.monitor.it.apps;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** An endpoint whose configurator refuses every origin: each upgrade is answered 403. */
@ServerEndpoint(value = "/ws/guarded", configurator = JakartaDenyAll.Deny.class)
public final class JakartaDenyAll {

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
