package dev.monitor.it.apps;

import javax.websocket.CloseReason;
import javax.websocket.EndpointConfig;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.PathParam;
import javax.websocket.server.ServerEndpoint;

/** {@link JakartaChatEndpoint} in the javax namespace. */
@ServerEndpoint("/ws/chat/{room}")
public final class JavaxChatEndpoint {

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
