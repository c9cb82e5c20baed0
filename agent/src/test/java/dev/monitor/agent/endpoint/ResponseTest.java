package dev.monitor.agent.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseTest {

  @Test
  void headCarriesTheLengthOfTheGetButNoBody() {
    Response response = new Response(200, Response.TEXT, "hello").with("Allow", Endpoints.ALLOW);
    String get = new String(response.encode(false, false), StandardCharsets.ISO_8859_1);
    String head = new String(response.encode(true, true), StandardCharsets.ISO_8859_1);
    assertEquals(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nAllow: GET, HEAD, OPTIONS\r\n\r\nhello",
        get);
    assertEquals(get.substring(0, get.length() - "\r\nhello".length()) + "Connection: close\r\n\r\n", head);
  }
}
