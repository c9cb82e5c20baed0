package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A netty-socketio server under the agent (a version chosen by the subclass), driven by real
 * {@code io.socket} Java clients in a second JVM without the agent: 10 clients connect, 3 are
 * refused by the authorization listener, known events go both ways, a handler fails, another is
 * slow, 4 clients leave and the server disconnects the other 6. Every count is exact and the
 * active gauge ends at zero. Steps run in order on one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SocketIoScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String EVENTS = "socketio_server_events_total";
  static final String DURATION = "socketio_server_event_duration_seconds";
  static final String ACTIVE = "socketio_server_connections_active";
  static final String DISCONNECTIONS = "socketio_server_disconnections_total";
  static final String HANDSHAKES = "socketio_server_handshakes_total";
  static final int CLIENTS = 10;

  ChildJvm app;
  ChildJvm clients;
  int socketPort;

  /** The server library's jar the server must have run with. */
  abstract String expectedJar();

  String mainClass() {
    return "dev.monitor.it.apps.SocketIoApp";
  }

  String implementation() {
    return "netty-socketio";
  }

  String healthCheckName() {
    return "socketio:127.0.0.1:" + socketPort;
  }

  /**
   * socket.io-server sends DISCONNECT before it closes the socket itself, so the client's closing
   * of its transport can win, and the library then reports (and the agent counts) transport close.
   */
  boolean serverDisconnectRacesTransportClose() {
    return false;
  }

  /** netty-socketio hands a handler's exception to its ExceptionListener; socket.io-server drops it. */
  boolean handlerErrorsVisible() {
    return true;
  }

  ChildJvm.Builder server(ChildJvm.Builder builder) {
    return builder;
  }

  ChildJvm.Builder clients(ChildJvm.Builder builder) {
    return builder;
  }

  @BeforeAll
  void start() throws Exception {
    app = server(ChildJvm.builder(mainClass())).start();
    socketPort = Integer.parseInt(run(app, "/port"));
    clients =
        clients(ChildJvm.builder("dev.monitor.it.apps.SocketIoClients").withoutAgent())
            .property("socketio.url", "http://127.0.0.1:" + socketPort)
            .start();
  }

  @AfterAll
  void stop() throws Exception {
    if (clients != null) {
      clients.close();
    }
    if (app != null) {
      app.close();
    }
  }

  static String run(ChildJvm jvm, String path) throws Exception {
    HttpResponse<String> response = jvm.app(path);
    assertEquals(200, response.statusCode());
    return response.body().trim();
  }

  /** Scrapes until {@code name}'s samples with {@code pairs} sum to {@code expected} (10 s at most). */
  Scrape awaitSum(double expected, String name, String... pairs) throws Exception {
    return awaitSum(app, expected, name, pairs);
  }

  /** As {@link #awaitSum(double, String, String...)}, on any application under the agent. */
  static Scrape awaitSum(ChildJvm app, double expected, String name, String... pairs) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Scrape scrape = app.scrape();
    while (scrape.sum(name, pairs) != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = app.scrape();
    }
    assertEquals(expected, scrape.sum(name, pairs), name + " " + String.join(",", pairs));
    return scrape;
  }

  static Map<String, String> labels(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  @Test
  @Order(1)
  void runsTheVersionUnderTest() throws Exception {
    assertTrue(app.output().contains(expectedJar()), app.output());
  }

  @Test
  @Order(10)
  void countsConnectedClientsAndTheirHandshakes() throws Exception {
    assertEquals("connected " + CLIENTS, run(clients, "/connect?n=" + CLIENTS));
    Scrape scrape = awaitSum(CLIENTS, ACTIVE, "socketio_namespace", "/");
    assertEquals(CLIENTS, scrape.value("socketio_server_connections_total", labels("socketio_namespace", "/")));
    assertEquals(CLIENTS, scrape.value(HANDSHAKES, labels()));
    assertEquals(0, scrape.sum(HANDSHAKES, "error_type", "unauthorized"));
  }

  @Test
  @Order(20)
  void countsHandshakesTheAuthorizationListenerRefused() throws Exception {
    assertEquals("rejected 3", run(clients, "/reject?n=3"));
    Scrape scrape = awaitSum(3, HANDSHAKES, "error_type", "unauthorized");
    assertEquals(CLIENTS, scrape.value(HANDSHAKES, labels()));
    assertEquals(CLIENTS, scrape.sum(ACTIVE));
    assertEquals(CLIENTS, scrape.sum("socketio_server_connections_total"));
  }

  @Test
  @Order(30)
  void countsEventsBothWaysAndTimesTheirHandlers() throws Exception {
    assertEquals("acked " + CLIENTS * 5, run(clients, "/emit?event=message&n=5"));
    Scrape scrape = awaitSum(CLIENTS * 5, EVENTS, "socketio_event", "reply", "direction", "sent");
    assertEquals(CLIENTS * 5, scrape.value(EVENTS, labels("socketio_namespace", "/", "socketio_event", "message", "direction", "received")));
    assertEquals(CLIENTS * 5, scrape.value(DURATION + "_count", labels("socketio_namespace", "/", "socketio_event", "message")));
    // acks are packets, not events
    assertEquals(CLIENTS * 5 * 2, scrape.sum(EVENTS));
  }

  @Test
  @Order(40)
  void countsAFailedHandlerWithItsExceptionType() throws Exception {
    assertEquals("emitted " + CLIENTS * 2, run(clients, "/emit?event=boom&n=2&ack=false"));
    if (!handlerErrorsVisible()) {
      Scrape scrape = awaitSum(CLIENTS * 2, DURATION + "_count", "socketio_event", "boom");
      assertEquals(0, scrape.sum(DURATION + "_count", "error_type", "java.lang.IllegalStateException"));
      return;
    }
    Scrape scrape =
        awaitSum(CLIENTS * 2, DURATION + "_count", "socketio_event", "boom", "error_type", "java.lang.IllegalStateException");
    assertEquals(CLIENTS * 2, scrape.value(EVENTS, "socketio_event", "boom", "direction", "received"));
    assertEquals(0, scrape.sum(DURATION + "_count", "socketio_event", "message", "error_type", "java.lang.IllegalStateException"));
  }

  @Test
  @Order(50)
  void timesASlowHandler() throws Exception {
    assertEquals("acked " + CLIENTS, run(clients, "/emit?event=slow&n=1"));
    Scrape scrape = awaitSum(CLIENTS, DURATION + "_count", "socketio_event", "slow");
    // each handler sleeps 50 ms: none in a bucket at or below 25 ms, every one by 250 ms
    assertEquals(0, scrape.value(DURATION + "_bucket", labels("socketio_namespace", "/", "socketio_event", "slow", "le", "0.025")));
    assertEquals(CLIENTS, scrape.value(DURATION + "_bucket", labels("socketio_namespace", "/", "socketio_event", "slow", "le", "0.25")));
    assertTrue(scrape.value(DURATION + "_sum", labels("socketio_namespace", "/", "socketio_event", "slow")) >= CLIENTS * 0.05);
  }

  @Test
  @Order(60)
  void countsABroadcastOncePerClient() throws Exception {
    assertEquals("ok", run(app, "/broadcast?event=news"));
    awaitSum(CLIENTS, EVENTS, "socketio_event", "news", "direction", "sent");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!run(clients, "/count").contains("news " + CLIENTS) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(run(clients, "/count").contains("news " + CLIENTS), run(clients, "/count"));
  }

  @Test
  @Order(70)
  void summarizesSocketsInMetricsJsonAndHealth() throws Exception {
    JsonNode io = JSON.readTree(app.monitor("/metrics.json").body()).path("sockets").path("socketio");
    assertEquals(CLIENTS, io.path("activeConnections").asLong(), io.toString());
    assertEquals(CLIENTS, io.path("connections").asLong());
    assertEquals(CLIENTS + 3, io.path("handshakes").asLong());
    assertEquals(3, io.path("handshakeFailures").asLong());
    assertEquals(0.2308, io.path("handshakeFailureRatio").asDouble(), 1e-9);
    assertEquals(3, io.path("handshakeFailuresByType").path("unauthorized").asLong());
    assertEquals(CLIENTS * 8, io.path("eventsReceived").asLong());
    assertEquals(CLIENTS * 6, io.path("eventsSent").asLong());
    assertEquals(handlerErrorsVisible() ? CLIENTS * 2 : 0, io.path("handlerErrors").asLong());
    assertTrue(io.path("connectionsPerSecond").asDouble() > 0, io.toString());
    assertTrue(io.path("eventsPerSecond").asDouble() > 0, io.toString());

    JsonNode check =
        JSON.readTree(app.monitor("/health/detailed").body()).path("checks").path(healthCheckName());
    assertEquals("UP", check.path("status").asText(), check.toString());
    assertTrue(check.path("details").path("listening").asBoolean());
    assertEquals(CLIENTS, check.path("details").path("activeConnections").asLong());
    assertEquals(implementation(), check.path("details").path("implementation").asText());
  }

  @Test
  @Order(80)
  void countsClientsThatLeaveWithTheirReason() throws Exception {
    assertEquals("disconnected 4", run(clients, "/disconnect?n=4"));
    Scrape scrape = awaitSum(4, DISCONNECTIONS, "socketio_disconnect_reason", "client namespace disconnect");
    assertEquals(CLIENTS - 4, scrape.sum(ACTIVE));
  }

  @Test
  @Order(90)
  void countsClientsTheServerDisconnectsAndEndsAtZero() throws Exception {
    assertEquals("kicked " + (CLIENTS - 4), run(app, "/kick"));
    Scrape scrape = awaitSum(0, ACTIVE, "socketio_namespace", "/");
    double server = scrape.sum(DISCONNECTIONS, "socketio_disconnect_reason", "server namespace disconnect");
    if (serverDisconnectRacesTransportClose()) {
      assertTrue(server >= 1, "at least one kick reported as such: " + server);
      assertEquals(CLIENTS - 4, server + scrape.sum(DISCONNECTIONS, "socketio_disconnect_reason", "transport close"));
    } else {
      assertEquals(CLIENTS - 4, server);
    }
    assertEquals(CLIENTS, scrape.sum(DISCONNECTIONS));
    assertEquals(CLIENTS, scrape.sum("socketio_server_connections_total"));
  }

  @Test
  @Order(100)
  void aStoppedServerIsDownAndTheServiceDegradedButReady() throws Exception {
    assertEquals("stopped", run(app, "/stop"));
    JsonNode detailed = JSON.readTree(app.monitor("/health/detailed").body());
    JsonNode check = detailed.path("checks").path(healthCheckName());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!"DOWN".equals(check.path("status").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(500); // past the health cache
      detailed = JSON.readTree(app.monitor("/health/detailed").body());
      check = detailed.path("checks").path(healthCheckName());
    }
    assertEquals("DOWN", check.path("status").asText(), check.toString());
    assertEquals(false, check.path("details").path("listening").asBoolean());
    HttpResponse<String> health = app.monitor("/health");
    assertEquals(200, health.statusCode());
    assertEquals("DEGRADED", JSON.readTree(health.body()).path("status").asText());
    assertEquals(200, app.monitor("/health/ready").statusCode());
  }
}
