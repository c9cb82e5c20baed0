package dev.monitor.agent.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.SocketBridge;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SocketIoMetricsTest {

  private final MetricRegistry registry = new MetricRegistry();
  private final SocketIoMetrics metrics = new SocketIoMetrics(registry, 100);

  @Test
  void countsAJoinReportedTwiceOnceAndTheDefaultNamespaceAsSlash() {
    UUID session = UUID.randomUUID();
    metrics.connected(session, "");
    metrics.connected(session, "");
    assertEquals(1, metrics.connections.total());
    assertEquals(1, metrics.active.series().get("/").sum());
    metrics.disconnected(session, "");
    metrics.disconnected(session, "");
    assertEquals(0, metrics.active.total());
    assertEquals(1, metrics.disconnections.total());
  }

  @Test
  void namesTheReasonFromTheThreadMarkOrTheApplicationsRequest() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    metrics.connected(a, "/chat");
    metrics.connected(b, "/chat");
    metrics.connected(c, "/chat");
    String previous = ThreadMarks.set(SocketBridge.CLIENT_DISCONNECT);
    metrics.disconnected(a, "/chat");
    ThreadMarks.set(previous);
    metrics.disconnectRequested(b, "/chat");
    metrics.disconnected(b, "/chat");
    metrics.disconnected(c, "/chat");
    assertEquals(1, metrics.disconnections.series().get("/chat", "client namespace disconnect").sum());
    assertEquals(1, metrics.disconnections.series().get("/chat", "server namespace disconnect").sum());
    assertEquals(1, metrics.disconnections.series().get("/chat", "transport close").sum());
  }

  @Test
  void typesAFailedHandshakeByTheMarkOrTheException() {
    metrics.handshake(true, null);
    metrics.handshake(false, null);
    ThreadMarks.set(SocketBridge.BAD_TRANSPORT);
    metrics.handshake(false, null);
    metrics.handshake(false, new java.io.IOException("broken"));
    assertEquals(1, metrics.handshakes.series().get(null).sum());
    assertEquals(1, metrics.handshakes.series().get("unauthorized").sum());
    assertEquals(1, metrics.handshakes.series().get("bad_transport").sum());
    assertEquals(1, metrics.handshakes.series().get("java.io.IOException").sum());
    assertEquals(3, metrics.failedHandshakes());
  }

  @Test
  void aSwallowedHandlerErrorBelongsToTheEventBeingHandled() {
    long start = metrics.eventStarted();
    metrics.eventFailed(new IllegalStateException("handler"));
    metrics.eventHandled("/", "boom", start, null);
    metrics.eventHandled("/", "fine", metrics.eventStarted(), null);
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    for (dev.monitor.agent.metrics.LatencySummary s :
        registry.summarize(metrics.duration, SocketIoMetrics.EVENT, SocketIoMetrics.ERROR_TYPE)) {
      counts.put(s.attribute(SocketIoMetrics.EVENT) + "/" + s.attribute(SocketIoMetrics.ERROR_TYPE), s.count);
    }
    assertEquals(1L, counts.get("boom/java.lang.IllegalStateException"));
    assertEquals(1L, counts.get("fine/null"));
    assertEquals(2, counts.size());
  }

  @Test
  void aStartedServerHasItsHandshakeSeriesAtZero() {
    metrics.serverStarted();
    java.util.Map<String, Double> handshakes = new java.util.TreeMap<>();
    for (dev.monitor.agent.metrics.MetricPoint p : metrics.handshakes.points()) {
      handshakes.put(String.valueOf(p.attribute(SocketIoMetrics.ERROR_TYPE)), p.value);
    }
    assertEquals("{null=0.0, unauthorized=0.0}", handshakes.toString());
    assertEquals(0, metrics.failedHandshakes());
  }
}
