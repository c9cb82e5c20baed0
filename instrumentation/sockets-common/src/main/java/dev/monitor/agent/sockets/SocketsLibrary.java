package dev.monitor.agent.sockets;

import dev.monitor.agent.library.AlertSignal;
import dev.monitor.agent.library.Library;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.SocketBridge;
import java.util.Map;

/**
 * Socket.IO (netty-socketio, socket.io-server-java) and WebSocket (JSR 356): connections,
 * handshakes, messages, one health check per Socket.IO server, the {@code sockets} part of
 * {@code /metrics.json}, and the connection signals of the alert rules.
 */
public final class SocketsLibrary implements Library {

  /** Failed Socket.IO handshakes among handshakes: {@code {handshakes, failed}}. */
  public static final String HANDSHAKE_FAILURE_RATIO = "socketio.handshake-failure-ratio";
  /** Open Socket.IO connections and WebSocket sessions. */
  public static final String ACTIVE_CONNECTIONS = "sockets.active-connections";

  private MetricRegistry registry;
  private SocketMetrics sockets;

  @Override
  public String name() {
    return "sockets";
  }

  @Override
  public void install(LibraryContext context) {
    registry = context.registry();
    sockets = new SocketMetrics(registry, context.seriesLimit(), context::registerHealth);
    SocketBridge.install(sockets);
  }

  @Override
  public String summaryKey() {
    return "sockets";
  }

  @Override
  public Map<String, Object> summary() {
    return new SocketSummary(registry, sockets).build();
  }

  @Override
  public void historySeries(Map<String, java.util.function.Supplier<Double>> series) {
    series.put("socketio.active", () -> (double) sockets.socketIo().active.total());
    series.put("socketio.connections", () -> (double) sockets.socketIo().connections.total());
    series.put("socketio.disconnections", () -> (double) sockets.socketIo().disconnections.total());
    series.put("socketio.events", () -> (double) sockets.socketIo().events.total());
    series.put("socketio.failed_handshakes", () -> (double) sockets.socketIo().failedHandshakes());
    series.put("websocket.active", () -> (double) sockets.webSocket().active.total());
    series.put("websocket.messages", () -> (double) sockets.webSocket().messages.total());
  }

  @Override
  public void alertSignals(Map<String, AlertSignal> signals) {
    signals.put(HANDSHAKE_FAILURE_RATIO, AlertSignal.ratioOfTotals(
        () -> new long[] {sockets.socketIo().handshakes.total(), sockets.socketIo().failedHandshakes()}));
    signals.put(ACTIVE_CONNECTIONS, AlertSignal.now(
        () -> (double) (sockets.socketIo().active.total() + sockets.webSocket().active.total())));
  }
}
