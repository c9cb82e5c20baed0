package dev.monitor.agent.endpoint;

import dev.monitor.agent.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one endpoint answers: status, content type, extra headers and body. Immutable. */
final class Response {

  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  final int status;
  final String contentType;
  final byte[] body;
  /** Headers besides Content-Type, Content-Length, Cache-Control and Connection. */
  final Map<String, String> headers;

  Response(int status, String contentType, String body) {
    this(status, contentType, body.getBytes(StandardCharsets.UTF_8), Collections.emptyMap());
  }

  private Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = headers;
  }

  static Response json(int status, Object value) {
    return new Response(status, JSON, Json.write(value) + "\n");
  }

  static Response error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    return json(status, body);
  }

  /** This response with one more header. */
  Response with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, Collections.unmodifiableMap(more));
  }

  /** This response with another body of another type (the status and headers stay). */
  Response withBody(String contentType, byte[] body) {
    return new Response(status, contentType, body, headers);
  }

  /**
   * The bytes on the wire: status line, headers, blank line and, unless {@code headOnly}, the
   * body. HEAD answers carry the Content-Length the GET would have, as RFC 9110 asks.
   */
  byte[] encode(boolean headOnly, boolean close) {
    StringBuilder head = new StringBuilder(160);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Cache-Control: no-store\r\n");
    head.append("X-Content-Type-Options: nosniff\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (headOnly || body.length == 0) {
      return headBytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(headBytes.length + body.length);
    out.write(headBytes, 0, headBytes.length);
    out.write(body, 0, body.length);
    return out.toByteArray();
  }

  static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 204: return "No Content";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 408: return "Request Timeout";
      case 413: return "Content Too Large";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 503: return "Service Unavailable";
      case 505: return "HTTP Version Not Supported";
      default: return "Status";
    }
  }
}
