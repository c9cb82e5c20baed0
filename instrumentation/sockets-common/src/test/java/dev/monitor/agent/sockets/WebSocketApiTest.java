package dev.monitor.agent.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WebSocketApiTest {

  @Test
  void tellsAMessageTypeFromTheObjectAHandlerReceives() {
    assertEquals("text", WebSocketApi.messageType("hello"));
    assertEquals("text", WebSocketApi.messageType(new StringReader("hello")));
    assertEquals("binary", WebSocketApi.messageType(ByteBuffer.allocate(1)));
    assertEquals("binary", WebSocketApi.messageType(new byte[1]));
    assertEquals("binary", WebSocketApi.messageType(new ByteArrayInputStream(new byte[1])));
    assertEquals("object", WebSocketApi.messageType(42));
    assertEquals("object", WebSocketApi.messageType(null));
  }

  @Test
  void findsArgumentsByTheirTypeNameInEitherNamespace() {
    Object session = new fake.websocket.Session() {};
    Object[] arguments = {"room-1", session, new IllegalStateException("x")};
    assertSame(session, WebSocketApi.find(arguments, "websocket.Session"));
    assertNull(WebSocketApi.find(arguments, "websocket.CloseReason"));
    assertEquals(IllegalStateException.class, WebSocketApi.throwable(arguments).getClass());
  }

  @Test
  void readsTheCloseCodeThroughThePublicApi() {
    assertEquals(4001, WebSocketApi.closeCode(new fake.websocket.CloseReason(4001)));
    assertEquals(-1, WebSocketApi.closeCode(null));
    assertEquals(-1, WebSocketApi.closeCode("not a close reason"));
  }
}
