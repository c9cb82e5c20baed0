package dev.monitor.agent.sockets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message type a WebSocket handling method receives, from its name and descriptor
 * ({@code message(Ljavax/websocket/Session;Ljava/lang/String;)Ljava/lang/String;}): Tomcat's
 * {@code sendMessageText}/{@code sendMessageBinary} by name, an {@code @OnMessage} method by its
 * parameter types (text before binary before pong; anything else a decoded {@code object}).
 * The advice passes a constant per method, so after the first call this is one map read.
 */
final class MethodMessageTypes {

  private static final int MAX_CACHED = 10_000;
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private MethodMessageTypes() {}

  static String of(String nameAndDescriptor) {
    if (nameAndDescriptor == null) {
      return "object";
    }
    String known = CACHE.get(nameAndDescriptor);
    if (known != null) {
      return known;
    }
    String type = classify(nameAndDescriptor);
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(nameAndDescriptor, type);
    }
    return type;
  }

  static String classify(String nameAndDescriptor) {
    if (nameAndDescriptor.startsWith("sendMessageText(")) {
      return "text";
    }
    if (nameAndDescriptor.startsWith("sendMessageBinary(")) {
      return "binary";
    }
    int open = nameAndDescriptor.indexOf('(');
    int close = nameAndDescriptor.indexOf(')');
    String parameters = open >= 0 && close > open ? nameAndDescriptor.substring(open, close) : "";
    if (parameters.contains("Ljava/lang/String;") || parameters.contains("Ljava/io/Reader;")) {
      return "text";
    }
    if (parameters.contains("Ljava/nio/ByteBuffer;") || parameters.contains("[B") || parameters.contains("Ljava/io/InputStream;")) {
      return "binary";
    }
    if (parameters.contains("websocket/PongMessage;")) {
      return "pong";
    }
    return "object";
  }
}
