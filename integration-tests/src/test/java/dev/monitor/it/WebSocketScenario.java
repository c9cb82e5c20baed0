package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A JSR-356 annotated endpoint under the agent (a container and namespace chosen by the
 * subclass), driven by the JDK's {@code java.net.http.WebSocket}: 5 sessions open, exchange 4
 * messages each, one handler fails and one is slow, 3 close normally and 2 with an application
 * code, and an upgrade the endpoint's configurator refuses is counted. Exact counts; the active
 * gauge ends at zero. Steps run in order on one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WebSocketScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CHAT = "/ws/chat/{room}";
  static final String MESSAGES = "websocket_server_messages_total";
  static final String DURATION = "websocket_server_message_duration_seconds";
  static final String ACTIVE = "websocket_server_sessions_active";
  static final int SESSIONS = 5;

  ChildJvm app;
  final List<WsClient> clients = new ArrayList<>();

  abstract String mainClass();

  /**
   * How the session whose handler threw ends up closed: Tomcat closes it itself, Jetty leaves it
   * open (and the test closes it normally).
   */
  abstract String closeClassAfterHandlerError();

  @BeforeAll
  void start() throws Exception {
    app = ChildJvm.builder(mainClass()).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  String url(String path) {
    return "ws://localhost:" + app.appPort + path;
  }

  Scrape awaitSum(double expected, String name, String... pairs) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Scrape scrape = app.scrape();
    while (scrape.sum(name, pairs) != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = app.scrape();
    }
    assertEquals(expected, scrape.sum(name, pairs), name + " " + String.join(",", pairs));
    return scrape;
  }

  @Test
  @Order(10)
  void countsOpenSessionsByEndpointTemplate() throws Exception {
    for (int i = 0; i < SESSIONS; i++) {
      clients.add(WsClient.connect(url("/ws/chat/room" + i)));
    }
    Scrape scrape = awaitSum(SESSIONS, ACTIVE, "websocket_endpoint", CHAT);
    assertEquals(SESSIONS, scrape.sum("websocket_server_sessions_opened_total", "websocket_endpoint", CHAT));
    assertEquals(SESSIONS, scrape.sum(ACTIVE), "one endpoint series only: the room is a path parameter");
    assertEquals(SESSIONS, scrape.sum("websocket_server_handshakes_total"));
  }

  @Test
  @Order(20)
  void countsMessagesBothWaysAndTimesTheHandler() throws Exception {
    for (WsClient client : clients) {
      for (int i = 0; i < 4; i++) {
        assertEquals("echo:m" + i, client.ask("m" + i));
      }
    }
    Scrape scrape = awaitSum(SESSIONS * 4, MESSAGES, "direction", "sent");
    assertEquals(SESSIONS * 4, scrape.sum(MESSAGES, "direction", "received", "websocket_message_type", "text"));
    assertEquals(SESSIONS * 4, scrape.sum(DURATION + "_count", "websocket_message_type", "text"));
  }

  @Test
  @Order(30)
  void countsAFailedHandlerWithItsExceptionType() throws Exception {
    WsClient failing = WsClient.connect(url("/ws/chat/failing"));
    awaitSum(SESSIONS + 1, ACTIVE);
    failing.send("boom");
    Scrape scrape = awaitSum(1, DURATION + "_count", "error_type", "java.lang.IllegalStateException");
    assertEquals(SESSIONS * 4 + 1, scrape.sum(MESSAGES, "direction", "received"));
    assertEquals(SESSIONS * 4, scrape.sum(MESSAGES, "direction", "sent"), "a failed handler sends nothing");
    if (failing.isOpen()) {
      failing.close(1000);
    }
    scrape = awaitSum(SESSIONS, ACTIVE);
    assertEquals(1, scrape.sum("websocket_server_sessions_closed_total", "websocket_close_class", closeClassAfterHandlerError()));
  }

  @Test
  @Order(40)
  void timesASlowHandler() throws Exception {
    assertEquals("echo:slow", clients.get(1).ask("slow"));
    Scrape scrape = awaitSum(SESSIONS * 4 + 2, MESSAGES, "direction", "received");
    // the slow message is the only one at or above 50 ms
    assertEquals(
        SESSIONS * 4 + 1,
        scrape.sum(DURATION + "_bucket", "websocket_message_type", "text", "le", "0.025"));
    assertEquals(SESSIONS * 4 + 2, scrape.sum(DURATION + "_bucket", "websocket_message_type", "text", "le", "0.25"));
  }

  @Test
  @Order(50)
  void countsARefusedUpgradeWithItsStatus() throws Exception {
    ExecutionException refused = assertThrows(ExecutionException.class, () -> WsClient.connect(url("/ws/guarded")));
    assertEquals(403, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    Scrape scrape = awaitSum(1, "websocket_server_handshakes_total", "error_type", "403");
    assertEquals(SESSIONS + 2, scrape.sum("websocket_server_handshakes_total"));
  }

  @Test
  @Order(60)
  void summarizesWebSocketsInMetricsJson() throws Exception {
    JsonNode ws = JSON.readTree(app.monitor("/metrics.json").body()).path("sockets").path("websocket");
    assertEquals(SESSIONS, ws.path("activeSessions").asLong(), ws.toString());
    assertEquals(SESSIONS + 1, ws.path("opened").asLong());
    assertEquals(SESSIONS * 4 + 2, ws.path("messagesReceived").asLong());
    assertEquals(SESSIONS * 4 + 1, ws.path("messagesSent").asLong());
    assertEquals(1, ws.path("handlerErrors").asLong());
    assertEquals(1, ws.path("handshakeFailures").asLong());
    assertEquals(MetricsRatio.of(1, SESSIONS + 2), ws.path("handshakeFailureRatio").asDouble(), 1e-9);
    assertTrue(ws.path("messagesPerSecond").asDouble() > 0, ws.toString());
    assertEquals(CHAT, ws.path("byEndpoint").path(0).path("endpoint").asText(), ws.toString());
  }

  @Test
  @Order(70)
  void countsClosesByCodeClassAndEndsAtZero() throws Exception {
    for (int i = 0; i < SESSIONS; i++) {
      clients.get(i).close(i < 3 ? 1000 : 4001);
    }
    Scrape scrape = awaitSum(0, ACTIVE, "websocket_endpoint", CHAT);
    String failed = closeClassAfterHandlerError();
    assertEquals(
        3 + ("normal".equals(failed) ? 1 : 0),
        scrape.sum("websocket_server_sessions_closed_total", "websocket_close_class", "normal"));
    assertEquals(2, scrape.sum("websocket_server_sessions_closed_total", "websocket_close_class", "application"));
    assertEquals(SESSIONS + 1, scrape.sum("websocket_server_sessions_closed_total"));
  }
}
