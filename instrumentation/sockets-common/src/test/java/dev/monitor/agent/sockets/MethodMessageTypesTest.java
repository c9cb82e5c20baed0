package dev.monitor.agent.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MethodMessageTypesTest {

  @Test
  void readsTheTypeFromAnOnMessageMethodsParameters() {
    assertEquals("text", MethodMessageTypes.of("message(Ljakarta/websocket/Session;Ljava/lang/String;)Ljava/lang/String;"));
    assertEquals("text", MethodMessageTypes.of("message(Ljava/lang/String;Z)V"));
    assertEquals("text", MethodMessageTypes.of("message(Ljava/io/Reader;)V"));
    assertEquals("binary", MethodMessageTypes.of("message([BLjavax/websocket/Session;)V"));
    assertEquals("binary", MethodMessageTypes.of("message(Ljava/nio/ByteBuffer;)V"));
    assertEquals("pong", MethodMessageTypes.of("pong(Ljavax/websocket/PongMessage;)V"));
    assertEquals("object", MethodMessageTypes.of("chat(Lcom/example/ChatMessage;)Ljava/lang/String;"));
  }

  @Test
  void readsTomcatsDispatchByItsName() {
    assertEquals("text", MethodMessageTypes.of("sendMessageText(Z)V"));
    assertEquals("binary", MethodMessageTypes.of("sendMessageBinary(Ljava/nio/ByteBuffer;Z)V"));
  }

  @Test
  void aReturnTypeDoesNotCount() {
    assertEquals("object", MethodMessageTypes.of("decoded(Lcom/example/Command;)Ljava/lang/String;"));
  }
}
