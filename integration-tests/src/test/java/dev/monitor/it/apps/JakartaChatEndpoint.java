package dev.monitor.it.apps;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An annotated jakarta.websocket endpoint: echoes a text message as its return value; "boom"
 * throws, "slow" sleeps 50 ms first. The session's side of things is left to the container.
 */
@ServerEndpoint("/ws/chat/{room}")
public final class JakartaChatEndpoint {

  @OnOpen
  public void open(Session session, EndpointConfig config, @PathParam("room") String room) {
    session.getUserProperties().put("room", room);
  }

  @OnMessage
  public String message(Session session, String text) throws InterruptedException {
    return ChatReplies.reply(text);
  }

  @OnClose
  public void close(Session session, CloseReason reason) {}

  @OnError
  public void error(Session session, Throwable error) {}
}
