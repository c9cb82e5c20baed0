package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The monitor port as production should run it: bound to loopback (behind a sidecar or a node
 * agent), with a bearer token, liveness exempt; and the limits on stalled and surplus connections.
 */
@Timeout(120)
class MonitorPortAccessTest {

  static final String TOKEN = "k8s-secret-token-7d0c9a1e4b";
  static ChildJvm app;

  @BeforeAll
  static void start() throws Exception {
    app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.http.host", "127.0.0.1")
            .property("monitor.http.token", TOKEN)
            .property("monitor.http.token.exempt", "/health/live,/metrics")
            .property("monitor.http.allowed-hosts", "monitor.internal")
            .property("monitor.http.request-timeout", "2s")
            .property("monitor.http.max-connections", "16")
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private static String get(String path, String... headers) throws Exception {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return RawHttp.exchange(app.monitorPort, request.toString(), 5000);
  }

  private static String status(String answer) {
    return answer.substring(0, answer.indexOf("\r\n"));
  }

  @Test
  void everyPathButTheExemptOneNeedsTheToken() throws Exception {
    String host = "Host: 127.0.0.1:" + app.monitorPort;
    String refused = get("/metrics", host);
    assertEquals("HTTP/1.1 401 Unauthorized", status(refused));
    assertTrue(refused.contains("\r\nWWW-Authenticate: Bearer realm=\"monitor\"\r\n"), refused);
    assertEquals("HTTP/1.1 401 Unauthorized", status(get("/health/detailed", host, "Authorization: Bearer nope")));
    assertEquals("HTTP/1.1 401 Unauthorized", status(get("/health/ready", host)));
    assertEquals("HTTP/1.1 200 OK", status(get("/metrics", host, "Authorization: Bearer " + TOKEN)));
    assertEquals("HTTP/1.1 200 OK", status(get("/health/detailed", host, "Authorization: Bearer " + TOKEN)));
    assertEquals("HTTP/1.1 200 OK", status(get("/health/live", host)));
    // /metrics cannot be exempt: it was named, warned about and still needs the token
    assertTrue(app.output().contains("'/metrics' cannot be exempt from the token; only /health/live and /health/ready can"));
    assertFalse(app.output().contains(TOKEN), "the token is never logged");
  }

  @Test
  void onLoopbackAForeignHostIsRefused() throws Exception {
    String auth = "Authorization: Bearer " + TOKEN;
    assertEquals("HTTP/1.1 403 Forbidden", status(get("/metrics", "Host: attacker.example:" + app.monitorPort, auth)));
    assertEquals("HTTP/1.1 403 Forbidden", status(get("/health/live", "Host: attacker.example")));
    assertEquals("HTTP/1.1 200 OK", status(get("/metrics", "Host: localhost:" + app.monitorPort, auth)));
    assertEquals("HTTP/1.1 200 OK", status(get("/metrics", "Host: monitor.internal:" + app.monitorPort, auth)));
    assertEquals("HTTP/1.1 200 OK", status(get("/metrics", "Host: [::1]:" + app.monitorPort, auth)));
  }

  @Test
  void aStalledHeadGets408AndASilentConnectionIsClosed() throws Exception {
    try (Socket stalled = new Socket("127.0.0.1", app.monitorPort);
        Socket silent = new Socket("127.0.0.1", app.monitorPort)) {
      stalled.getOutputStream().write("GET /health HTTP/1.1\r\nHost: local".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      stalled.setSoTimeout(5000);
      String answer = RawHttp.readUntilClosed(stalled.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
      assertTrue(RawHttp.closedWithin(silent, 5000));
    }
  }

  @Test
  void pastTheConnectionLimitTheOldestIdleOneMakesRoom() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        idle.add(new Socket("127.0.0.1", app.monitorPort));
      }
      // the newest are open (their 2 s request timeout has not run out), the first 24 or more
      // were closed to keep 16 open, and a probe still gets in
      assertFalse(RawHttp.closedWithin(idle.get(39), 200));
      assertTrue(RawHttp.closedWithin(idle.get(0), 500));
      assertEquals("HTTP/1.1 200 OK", status(get("/health/live", "Host: localhost")));
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }
}
