package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every netty-socketio 2.0 the pom copies between the oldest and the class path's newest (a
 * version is one line), driven by real {@code io.socket} clients in another JVM: connections and
 * refused handshakes, events both ways with their handler's exception, clients leaving, and the
 * server's health check.
 */
class SocketIoVersionsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static List<String> jars() throws IOException {
    return OtherVersions.jars("netty-socketio-", "netty-socketio-1.7.9.jar");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jars")
  void connectionsHandshakesEventsAndHealth(String jar) throws Exception {
    try (ChildJvm app = ChildJvm.builder("dev.monitor.it.apps.SocketIoApp").replacing("netty-socketio-", jar).start()) {
      int port = Integer.parseInt(app.app("/port").body().trim());
      // the app names its library's jar just after it says it is ready
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!app.outputContains("library ") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(app.output().contains("/" + jar), "runs on " + jar);
      try (ChildJvm clients =
          ChildJvm.builder("dev.monitor.it.apps.SocketIoClients").withoutAgent()
              .property("socketio.url", "http://127.0.0.1:" + port)
              .start()) {
        assertEquals("connected 5", clients.app("/connect?n=5").body().trim());
        assertEquals("rejected 2", clients.app("/reject?n=2").body().trim());
        assertEquals("acked 15", clients.app("/emit?event=message&n=3").body().trim());
        assertEquals("emitted 5", clients.app("/emit?event=boom&n=1&ack=false").body().trim());
        Scrape s = SocketIoScenario.awaitSum(app, 5, "socketio_server_event_duration_seconds_count", "socketio_event", "boom",
            "error_type", "java.lang.IllegalStateException");
        assertEquals(5, s.sum("socketio_server_connections_active"));
        assertEquals(2, s.sum("socketio_server_handshakes_total", "error_type", "unauthorized"));
        assertEquals(5, s.value("socketio_server_handshakes_total", java.util.Map.of()));
        assertEquals(15, s.sum("socketio_server_events_total", "socketio_event", "message", "direction", "received"));
        assertEquals(15, s.sum("socketio_server_events_total", "socketio_event", "reply", "direction", "sent"));

        assertEquals("disconnected 5", clients.app("/disconnect?n=5").body().trim());
        Scrape left = SocketIoScenario.awaitSum(app, 0, "socketio_server_connections_active");
        assertEquals(5, left.sum("socketio_server_disconnections_total", "socketio_disconnect_reason",
            "client namespace disconnect"));
        JsonNode check = JSON.readTree(app.monitor("/health/detailed").body()).path("checks").path("socketio:127.0.0.1:" + port);
        assertEquals("UP", check.path("status").asText(), check.toString());
      }
    }
  }
}
