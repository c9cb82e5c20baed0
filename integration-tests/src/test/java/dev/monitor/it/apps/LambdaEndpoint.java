package dev.monitor.it.apps;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * A programmatic endpoint whose message handler is a lambda (a class the agent cannot
 * transform) and which answers through the async remote.
 */
public final class LambdaEndpoint extends Endpoint {

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> session.getAsyncRemote().sendText("prog:" + text));
  }
}
