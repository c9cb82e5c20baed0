package dev.monitor.agent.sockets;

import dev.monitor.agent.summary.SummaryFigures;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencySummary;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sockets} part of {@code /metrics.json}: for Socket.IO and for WebSocket, the figures
 * a realtime runbook watches first (clients connected now, connects and disconnects per second
 * over the last minute, message rate, handshake failure ratio), then the detail per namespace,
 * event or endpoint.
 */
final class SocketSummary {

  private final MetricRegistry registry;
  private final SocketIoMetrics io;
  private final WebSocketMetrics ws;

  SocketSummary(MetricRegistry registry, SocketMetrics sockets) {
    this.registry = registry;
    this.io = sockets.socketIo();
    this.ws = sockets.webSocket();
  }

  Map<String, Object> build() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("socketio", socketIo());
    out.put("websocket", webSocket());
    return out;
  }

  private Map<String, Object> socketIo() {
    long now = System.currentTimeMillis();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activeConnections", io.active.total());
    out.put("connections", io.connections.total());
    out.put("disconnections", io.disconnections.total());
    out.put("connectionsPerSecond", SummaryFigures.round(io.connectionRate.perSecond(now), 3));
    out.put("disconnectionsPerSecond", SummaryFigures.round(io.disconnectionRate.perSecond(now), 3));
    long received = sum(io.events, SocketIoMetrics.DIRECTION, SocketIoMetrics.RECEIVED);
    long sent = sum(io.events, SocketIoMetrics.DIRECTION, SocketIoMetrics.SENT);
    out.put("eventsReceived", received);
    out.put("eventsSent", sent);
    out.put("eventsPerSecond", SummaryFigures.round(io.eventRate.perSecond(now), 3));
    long handshakes = io.handshakes.total();
    long failed = io.failedHandshakes();
    out.put("handshakes", handshakes);
    out.put("handshakeFailures", failed);
    out.put("handshakeFailureRatio", SummaryFigures.ratio(failed, handshakes));
    out.put("handshakeFailuresByType", byAttribute(io.handshakes, SocketIoMetrics.ERROR_TYPE));
    out.put("lastMinuteHandshakeFailureRatio", rateRatio(io.handshakeFailureRate.perSecond(now), io.handshakeRate.perSecond(now)));
    out.put("rejectedConnections", io.rejected.total());
    out.put("disconnectReasons", byAttribute(io.disconnections, SocketIoMetrics.REASON));
    List<LatencySummary> overall = registry.summarize(io.duration);
    out.put("handlerLatencyMs", SummaryFigures.latency(overall.isEmpty() ? null : overall.get(0)));
    out.put("handlerErrors", errors(registry.summarize(io.duration, SocketIoMetrics.ERROR_TYPE)));
    out.put("byNamespace", namespaces());
    out.put("byEvent", events());
    return out;
  }

  private List<Map<String, Object>> namespaces() {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (MetricPoint p : io.connections.points()) {
      String ns = p.attribute(SocketIoMetrics.NAMESPACE);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("namespace", ns);
      row.put("activeConnections", 0L);
      row.put("connections", (long) p.value);
      row.put("disconnections", 0L);
      rows.put(ns, row);
    }
    for (MetricPoint p : io.active.points()) {
      Map<String, Object> row = rows.get(p.attribute(SocketIoMetrics.NAMESPACE));
      if (row != null) {
        row.put("activeConnections", (long) p.value);
      }
    }
    for (MetricPoint p : io.disconnections.points()) {
      Map<String, Object> row = rows.get(p.attribute(SocketIoMetrics.NAMESPACE));
      if (row != null) {
        row.merge("disconnections", (long) p.value, (a, b) -> (Long) a + (Long) b);
      }
    }
    return new ArrayList<>(rows.values());
  }

  private List<Map<String, Object>> events() {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (MetricPoint p : io.events.points()) {
      String ns = p.attribute(SocketIoMetrics.NAMESPACE);
      String event = p.attribute(SocketIoMetrics.EVENT);
      Map<String, Object> row = rows.computeIfAbsent(ns + "\u0000" + event, k -> eventRow(ns, event));
      row.merge(SocketIoMetrics.RECEIVED.equals(p.attribute(SocketIoMetrics.DIRECTION)) ? "received" : "sent",
          (long) p.value, (a, b) -> (Long) a + (Long) b);
    }
    for (LatencySummary s :
        registry.summarize(io.duration, SocketIoMetrics.NAMESPACE, SocketIoMetrics.EVENT, SocketIoMetrics.ERROR_TYPE)) {
      String ns = s.attribute(SocketIoMetrics.NAMESPACE);
      String event = s.attribute(SocketIoMetrics.EVENT);
      Map<String, Object> row = rows.computeIfAbsent(ns + "\u0000" + event, k -> eventRow(ns, event));
      if (s.attribute(SocketIoMetrics.ERROR_TYPE) != null) {
        row.merge("errors", s.count, (a, b) -> (Long) a + (Long) b);
      }
    }
    for (LatencySummary s : registry.summarize(io.duration, SocketIoMetrics.NAMESPACE, SocketIoMetrics.EVENT)) {
      Map<String, Object> row = rows.get(s.attribute(SocketIoMetrics.NAMESPACE) + "\u0000" + s.attribute(SocketIoMetrics.EVENT));
      if (row != null) {
        row.put("latencyMs", SummaryFigures.latency(s));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.values());
    out.sort((a, b) -> Long.compare(
        (Long) b.get("received") + (Long) b.get("sent"), (Long) a.get("received") + (Long) a.get("sent")));
    return out;
  }

  private static Map<String, Object> eventRow(String namespace, String event) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("namespace", namespace);
    row.put("event", event);
    row.put("received", 0L);
    row.put("sent", 0L);
    row.put("errors", 0L);
    return row;
  }

  private Map<String, Object> webSocket() {
    long now = System.currentTimeMillis();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activeSessions", ws.active.total());
    out.put("opened", ws.opened.total());
    out.put("closed", ws.closed.total());
    out.put("openedPerSecond", SummaryFigures.round(ws.openRate.perSecond(now), 3));
    out.put("closedPerSecond", SummaryFigures.round(ws.closeRate.perSecond(now), 3));
    out.put("messagesReceived", sum(ws.messages, WebSocketMetrics.DIRECTION, SocketIoMetrics.RECEIVED));
    out.put("messagesSent", sum(ws.messages, WebSocketMetrics.DIRECTION, SocketIoMetrics.SENT));
    out.put("messagesPerSecond", SummaryFigures.round(ws.messageRate.perSecond(now), 3));
    long handshakes = ws.handshakes.total();
    long failed = handshakes - sum(ws.handshakes, WebSocketMetrics.ERROR_TYPE, null);
    out.put("handshakes", handshakes);
    out.put("handshakeFailures", failed);
    out.put("handshakeFailureRatio", SummaryFigures.ratio(failed, handshakes));
    out.put("handshakeFailuresByStatus", byAttribute(ws.handshakes, WebSocketMetrics.ERROR_TYPE));
    out.put("closeClasses", byAttribute(ws.closed, WebSocketMetrics.CLOSE_CLASS));
    out.put("sessionErrors", ws.errors.total());
    List<LatencySummary> overall = registry.summarize(ws.duration);
    out.put("handlerLatencyMs", SummaryFigures.latency(overall.isEmpty() ? null : overall.get(0)));
    out.put("handlerErrors", errors(registry.summarize(ws.duration, WebSocketMetrics.ERROR_TYPE)));
    List<Map<String, Object>> endpoints = new ArrayList<>();
    for (MetricPoint p : ws.opened.points()) {
      String endpoint = p.attribute(WebSocketMetrics.ENDPOINT);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("endpoint", endpoint);
      row.put("activeSessions", sum(ws.active, WebSocketMetrics.ENDPOINT, endpoint));
      row.put("opened", (long) p.value);
      row.put("closed", sum(ws.closed, WebSocketMetrics.ENDPOINT, endpoint));
      endpoints.add(row);
    }
    out.put("byEndpoint", endpoints);
    return out;
  }

  /** The sum of the series whose attribute {@code key} equals {@code value} (null: absent). */
  private static long sum(Counter counter, String key, String value) {
    long total = 0;
    for (MetricPoint p : counter.points()) {
      String v = p.attribute(key);
      if (value == null ? v == null : value.equals(v)) {
        total += (long) p.value;
      }
    }
    return total;
  }

  /** Totals by the values of one attribute, leaving out series without it. */
  private static Map<String, Long> byAttribute(Counter counter, String key) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (MetricPoint p : counter.points()) {
      String v = p.attribute(key);
      if (v != null) {
        out.merge(v, (long) p.value, Long::sum);
      }
    }
    return out;
  }

  private static long errors(List<LatencySummary> byErrorType) {
    long errors = 0;
    for (LatencySummary s : byErrorType) {
      if (s.attribute(SocketIoMetrics.ERROR_TYPE) != null) {
        errors += s.count;
      }
    }
    return errors;
  }

  private static double rateRatio(double part, double whole) {
    return whole <= 0 ? 0 : SummaryFigures.round(part / whole, 4);
  }
}
