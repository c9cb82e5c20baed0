package dev.monitor.agent.sockets;

import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.agent.metrics.TotalsWindow;
import dev.monitor.bootstrap.SocketBridge;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code socketio.server.*} instruments, fed by the netty-socketio and socket.io-server
 * advice alike. Runs on the servers' event-loop and handler threads; never throws into them.
 *
 * <p>Cost: an event received or sent is one series look-up (no allocation once its namespace and
 * event name have been seen) plus, for a received one, two {@code nanoTime} calls and a
 * histogram record. A connect or disconnect also touches a map keyed by session id and
 * namespace, so that a client is counted once and the active gauge cannot drift when a library
 * reports a join twice. Entries leave at disconnect; past {@link #MAX_TRACKED} clients (a
 * library that never reports disconnects) new ones are counted but not tracked.
 */
public final class SocketIoMetrics {

  public static final String NAMESPACE = "socketio.namespace";
  public static final String EVENT = "socketio.event";
  public static final String REASON = "socketio.disconnect.reason";
  public static final String DIRECTION = "direction";
  public static final String ERROR_TYPE = "error.type";
  public static final String RECEIVED = "received";
  public static final String SENT = "sent";
  static final String TRANSPORT_CLOSE = "transport close";
  static final String SERVER_DISCONNECT = "server namespace disconnect";
  static final String UNAUTHORIZED = "unauthorized";
  static final int MAX_TRACKED = 1_000_000;

  /** The handler's error of the event being handled on this thread, if a library swallowed it. */
  private static final ThreadLocal<Throwable[]> EVENT_ERROR = ThreadLocal.withInitial(() -> new Throwable[1]);

  public final Counter active;
  public final Counter connections;
  public final Counter disconnections;
  public final Counter handshakes;
  public final Counter rejected;
  public final Counter events;
  public final LatencyHistogram duration;
  public final TotalsWindow connectionRate;
  public final TotalsWindow disconnectionRate;
  public final TotalsWindow eventRate;
  public final TotalsWindow handshakeRate;
  public final TotalsWindow handshakeFailureRate;
  private final Map<SocketIoSessionKey, SocketIoClient> clients = new ConcurrentHashMap<>();

  SocketIoMetrics(MetricRegistry registry, int seriesLimit) {
    String[] byNamespace = {NAMESPACE};
    active =
        registry.register(
            new Counter(
                "socketio.server.connections.active", "Socket.IO clients connected now, per namespace.",
                "{connection}", true, byNamespace, seriesLimit));
    connections =
        registry.register(
            new Counter(
                "socketio.server.connections", "Socket.IO clients that joined a namespace.",
                "{connection}", false, byNamespace, seriesLimit));
    disconnections =
        registry.register(
            new Counter(
                "socketio.server.disconnections",
                "Socket.IO clients that left a namespace, by reason: client namespace disconnect, server namespace disconnect, transport close.",
                "{connection}", false, new String[] {NAMESPACE, REASON}, seriesLimit));
    handshakes =
        registry.register(
            new Counter(
                "socketio.server.handshakes",
                "Socket.IO transport handshakes (one per new session); error.type is set on the failed ones.",
                "{handshake}", false, new String[] {ERROR_TYPE}, seriesLimit));
    rejected =
        registry.register(
            new Counter(
                "socketio.server.connections.rejected",
                "Namespace connects refused by the application's authorization (auth token).",
                "{connection}", false, new String[] {NAMESPACE, ERROR_TYPE}, seriesLimit));
    events =
        registry.register(
            new Counter(
                "socketio.server.events",
                "Socket.IO events received from and sent to clients (a broadcast counts once per client).",
                "{event}", false, new String[] {NAMESPACE, EVENT, DIRECTION}, seriesLimit));
    duration =
        registry.register(
            new LatencyHistogram(
                "socketio.server.event.duration",
                "Time the handlers of a received Socket.IO event took; error.type is set when one failed.",
                new String[] {NAMESPACE, EVENT, ERROR_TYPE}, seriesLimit));
    connectionRate = registry.recentIncrease(connections::total);
    disconnectionRate = registry.recentIncrease(disconnections::total);
    eventRate = registry.recentIncrease(events::total);
    handshakeRate = registry.recentIncrease(handshakes::total);
    handshakeFailureRate = registry.recentIncrease(this::failedHandshakes);
  }

  /** Handshakes with an error type. Reader side; creates no series. */
  public long failedHandshakes() {
    long failed = 0;
    for (MetricPoint p : handshakes.points()) {
      if (p.attribute(ERROR_TYPE) != null) {
        failed += (long) p.value;
      }
    }
    return failed;
  }

  /**
   * A server started: its handshake series (accepted, and refused by authorization) exist at 0
   * from now, so {@code rate()} and the failure-share rule have a value before the first client.
   */
  void serverStarted() {
    handshakes.series().get(null);
    handshakes.series().get(UNAUTHORIZED);
  }

  void handshake(boolean accepted, Throwable thrown) {
    try {
      String mark = ThreadMarks.take();
      String error = null;
      if (thrown != null) {
        error = thrown.getClass().getName();
      } else if (!accepted) {
        error = SocketBridge.BAD_TRANSPORT.equals(mark) ? SocketBridge.BAD_TRANSPORT : UNAUTHORIZED;
      }
      handshakes.series().get(error).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio handshake", "cannot record a Socket.IO handshake", e);
    }
  }

  /** netty-socketio names the default namespace "", Socket.IO itself "/". */
  static String namespace(String name) {
    return name == null || name.isEmpty() ? "/" : name;
  }

  void connected(Object session, String namespaceName) {
    try {
      if (session == null) {
        return;
      }
      String namespace = namespace(namespaceName);
      if (clients.size() < MAX_TRACKED) {
        if (clients.putIfAbsent(new SocketIoSessionKey(session, namespace), new SocketIoClient(namespace)) != null) {
          return; // the same join reported again
        }
        active.series().get(namespace).increment();
      } else {
        AgentLog.warnOnce("socketio tracked", MAX_TRACKED + " Socket.IO clients connected and none left: new ones are counted, not tracked", null);
      }
      connections.series().get(namespace).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio connect", "cannot record a Socket.IO connect", e);
    }
  }

  void disconnectRequested(Object session, String namespace) {
    SocketIoClient known = session == null ? null : clients.get(new SocketIoSessionKey(session, namespace(namespace)));
    if (known != null) {
      known.disconnectRequested = true;
    }
  }

  void disconnected(Object session, String namespace) {
    try {
      SocketIoClient known = session == null ? null : clients.remove(new SocketIoSessionKey(session, namespace(namespace)));
      if (known == null) {
        return; // never seen connecting (or already counted): a second report changes nothing
      }
      // the library's own reason (socket.io-server) or one the advice knows (netty-socketio)
      String mark = ThreadMarks.get();
      String reason = mark != null ? mark : known.disconnectRequested ? SERVER_DISCONNECT : TRANSPORT_CLOSE;
      disconnections.series().get(known.namespace, reason).increment();
      active.series().get(known.namespace).decrement();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio disconnect", "cannot record a Socket.IO disconnect", e);
    }
  }

  void rejected(String namespace, String reason) {
    try {
      rejected.series().get(namespace(namespace), reason).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio reject", "cannot record a Socket.IO rejection", e);
    }
  }

  long eventStarted() {
    EVENT_ERROR.get()[0] = null;
    return System.nanoTime();
  }

  void eventFailed(Throwable error) {
    EVENT_ERROR.get()[0] = error;
  }

  void eventHandled(String namespace, String event, long startNanos, Throwable thrown) {
    try {
      long nanos = System.nanoTime() - startNanos;
      Throwable[] slot = EVENT_ERROR.get();
      Throwable error = thrown != null ? thrown : slot[0];
      slot[0] = null;
      String ns = namespace(namespace);
      events.series().get(ns, event, RECEIVED).increment();
      duration.series().get(ns, event, error == null ? null : error.getClass().getName()).record(nanos);
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio event", "cannot record a Socket.IO event", e);
    }
  }

  void eventSent(String namespace, String event) {
    try {
      events.series().get(namespace(namespace), event, SENT).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio send", "cannot record a Socket.IO event sent", e);
    }
  }
}
