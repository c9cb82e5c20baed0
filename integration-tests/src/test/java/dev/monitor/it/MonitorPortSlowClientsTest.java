package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that would take the monitor port down if it served them on blocking threads: silent
 * connections, slowloris (one byte a second), TLS ClientHellos to the plain port. The probe must
 * answer through all of it, as a Kubernetes liveness probe would need.
 */
@Timeout(120)
class MonitorPortSlowClientsTest {

  static ChildJvm app;

  @BeforeAll
  static void start() throws Exception {
    // room for all 500 attackers at once, so the test shows the IO design, not the eviction
    app = ChildJvm.builder("dev.monitor.demo.DemoService").property("monitor.http.max-connections", "1000").start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private static HttpResponse<String> probe(String path) throws Exception {
    // A fresh connection each time, as kubelet's probe makes one.
    return java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.monitorPort + path))
            .timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void livenessAnswersWith500SlowAndSilentConnectionsOpen() throws Exception {
    List<Socket> attackers = new ArrayList<>();
    try {
      for (int i = 0; i < 500; i++) {
        Socket s = new Socket("127.0.0.1", app.monitorPort);
        s.getOutputStream().write('G'); // a request begins ... and dribbles
        attackers.add(s);
      }
      for (int i = 0; i < 2; i++) {
        attackers.add(new Socket("127.0.0.1", app.monitorPort)); // silent
      }
      long slowest = 0;
      long[] millis = new long[8];
      for (int round = 0; round < millis.length; round++) {
        for (Socket s : attackers) {
          try {
            s.getOutputStream().write('E');
          } catch (java.io.IOException closedAlready) {
            // the server may close an attacker at any time
          }
        }
        long begin = System.nanoTime();
        HttpResponse<String> live = probe("/health/live");
        millis[round] = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().startsWith("{\"status\":\"UP\""), live.body());
        slowest = Math.max(slowest, millis[round]);
        Thread.sleep(400);
      }
      assertEquals(200, probe("/metrics").statusCode());
      System.out.println("[figures] /health/live with 502 slow or silent connections open: ms per probe "
          + Arrays.toString(millis) + ", slowest " + slowest);
      // Past the request timeout (5 s) every attacker is closed by the server.
      int closed = 0;
      for (Socket s : attackers) {
        if (RawHttp.closedWithin(s, 8000)) {
          closed++;
        }
      }
      assertEquals(attackers.size(), closed);
    } finally {
      for (Socket s : attackers) {
        s.close();
      }
    }
  }

  @Test
  void aTlsClientHelloGets400AndIsClosedAtOnce() throws Exception {
    for (int i = 0; i < 2; i++) {
      String answer = RawHttp.exchange(app.monitorPort, RawHttp.TLS_CLIENT_HELLO, 2000);
      assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
      assertTrue(answer.contains("no TLS"), answer);
    }
    assertEquals(200, probe("/health/live").statusCode());
  }

  @Test
  void headOptionsPipeliningAndOtherMethods() throws Exception {
    HttpResponse<String> get = probe("/metrics");
    String head = RawHttp.exchange(app.monitorPort, "HEAD /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
    assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
    assertTrue(head.endsWith("\r\n\r\n"), "a HEAD answer has no body: " + head);
    long length = Long.parseLong(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
    // the GET a moment earlier had about as many bytes (figures move between the two)
    assertTrue(Math.abs(length - get.body().getBytes(StandardCharsets.UTF_8).length) < 2000, head);

    String options = RawHttp.exchange(app.monitorPort, "OPTIONS / HTTP/1.0\r\n\r\n", 5000);
    assertTrue(options.startsWith("HTTP/1.1 200 OK\r\n"), options);
    assertTrue(options.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"), options);

    String post = RawHttp.exchange(app.monitorPort, "DELETE /health HTTP/1.1\r\nConnection: close\r\n\r\n", 5000);
    assertTrue(post.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), post);
    assertTrue(post.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"), post);

    // two requests in one write, answered in order on one connection
    String two = RawHttp.exchange(app.monitorPort,
        "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000);
    int first = two.indexOf("HTTP/1.1 200 OK");
    int second = two.indexOf("HTTP/1.1 404 Not Found");
    assertTrue(first == 0 && second > first, two);
  }

  @Test
  void oversizedHeadsAndBodiesAreRefused() throws Exception {
    String big = "GET /health HTTP/1.1\r\nX-Fill: " + "a".repeat(9000) + "\r\n\r\n";
    assertTrue(RawHttp.exchange(app.monitorPort, big, 5000).startsWith("HTTP/1.1 431 "));
    String body = "POST /health HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody";
    assertTrue(RawHttp.exchange(app.monitorPort, body, 5000).startsWith("HTTP/1.1 413 "));
    assertEquals(200, probe("/health/live").statusCode());
  }

  @Test
  void theServersThreadsAreTheAgentsOwn() throws Exception {
    Process jcmd = new ProcessBuilder(
            Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(app.pid()), "Thread.print")
        .redirectErrorStream(true).start();
    String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    assertTrue(dump.contains("\"monitor-http-io\""), dump);
    assertTrue(!dump.contains("HTTP-Dispatcher"), "the JDK server's dispatcher is not used");
  }
}
