package dev.monitor.it.apps;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * A programmatic endpoint whose message handler is a lambda (a class the agent cannot
 * transform) and which answers through the async remote, waiting for each send to finish
 * (Tomcat refuses an async send while the previous one is still being written).
 */
public final class LambdaEndpoint extends Endpoint {

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
      try {
        session.getAsyncRemote().sendText("prog:" + text).get();
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
