package dev.monitor.agent.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTest {

  private static Request parse(String head) throws Request.Malformed {
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    return Request.parse(bytes, bytes.length);
  }

  private static int refused(String head) {
    return assertThrows(Request.Malformed.class, () -> parse(head)).status;
  }

  @Test
  void readsMethodPathQueryAndHeaders() throws Exception {
    Request r = parse("GET /metrics?name[]=up HTTP/1.1\r\nHost: localhost:9464\r\nAccept: text/plain\r\naccept: */*\r\n\r\n");
    assertEquals("GET", r.method);
    assertEquals("/metrics", r.path);
    assertEquals("name[]=up", r.query);
    assertEquals("localhost:9464", r.header("host"));
    assertEquals("text/plain, */*", r.header("accept"));
    assertTrue(r.keepAlive());
  }

  @Test
  void bareLineFeedsAndAbsoluteFormAreRead() throws Exception {
    Request r = parse("HEAD http://10.0.0.5:9464/health/live HTTP/1.0\nConnection: keep-alive\n\n");
    assertEquals("HEAD", r.method);
    assertEquals("/health/live", r.path);
    assertNull(r.query);
    assertTrue(r.keepAlive());
    assertFalse(parse("GET / HTTP/1.0\r\n\r\n").keepAlive());
    assertFalse(parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keepAlive());
  }

  @Test
  void refusesWhatIsNotAnHttp1Head() {
    assertEquals(400, refused("GET /health\r\n\r\n"));
    assertEquals(400, refused("GET  /health HTTP/1.1\r\n\r\n"));
    assertEquals(400, refused("GE(T /health HTTP/1.1\r\n\r\n"));
    assertEquals(505, refused("GET /health HTTP/2.0\r\n\r\n"));
    assertEquals(400, refused("GET /h\u00e9alth HTTP/1.1\r\n\r\n"));
    assertEquals(400, refused("GET /health HTTP/1.1\r\nno colon here\r\n\r\n"));
    assertEquals(400, refused("GET /health HTTP/1.1\r\nBad Name: x\r\n\r\n"));
    assertEquals(413, refused("POST /health HTTP/1.1\r\nContent-Length: 5\r\n\r\n"));
    assertEquals(400, refused("GET /health HTTP/1.1\r\nContent-Length: x\r\n\r\n"));
    assertEquals(413, refused("POST /health HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"));
  }

  @Test
  void onlyALetterCanStartARequest() {
    assertTrue(Request.canStartRequest((byte) 'G'));
    assertFalse(Request.canStartRequest((byte) 0x16)); // a TLS handshake record
    assertFalse(Request.canStartRequest((byte) 'g'));
  }
}
