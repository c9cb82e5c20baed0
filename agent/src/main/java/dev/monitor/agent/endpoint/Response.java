package dev.monitor.agent.endpoint;

import java.nio.charset.StandardCharsets;

/** What one endpoint answers. Immutable. */
final class Response {

  static final String JSON = "application/json; charset=utf-8";

  final int status;
  final String contentType;
  final byte[] body;

  Response(int status, String contentType, String body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body.getBytes(StandardCharsets.UTF_8);
  }

  static Response json(int status, Object value) {
    return new Response(status, JSON, Json.write(value) + "\n");
  }

  static Response error(int status, String message) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("error", message);
    return json(status, body);
  }
}
