package dev.monitor.agent.sockets;

import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.agent.metrics.TotalsWindow;

/**
 * The {@code websocket.server.*} instruments, fed by the JSR-356 advice (javax and jakarta) and
 * the servlet advice (failed upgrades). A session is known by identity, so a container that
 * reports an open twice (its wrapper endpoint, then the application's {@code @OnOpen}) counts
 * it once. Message handling and sending are timed only at the outermost call on a thread, so a
 * container's handler calling the application's method is one message.
 */
public final class WebSocketMetrics {

  public static final String ENDPOINT = "websocket.endpoint";
  public static final String CLOSE_CLASS = "websocket.close.class";
  public static final String TYPE = "websocket.message.type";
  public static final String DIRECTION = SocketIoMetrics.DIRECTION;
  public static final String ERROR_TYPE = "error.type";
  static final String UNKNOWN_ENDPOINT = "unknown";

  private static final ThreadLocal<WebSocketThreadState> THREAD = ThreadLocal.withInitial(WebSocketThreadState::new);

  public final Counter active;
  public final Counter opened;
  public final Counter closed;
  public final Counter errors;
  public final Counter handshakes;
  public final Counter messages;
  public final LatencyHistogram duration;
  public final TotalsWindow openRate;
  public final TotalsWindow closeRate;
  public final TotalsWindow messageRate;
  private final ConcurrentWeakIdentityMap<Object, WebSocketSession> sessions = new ConcurrentWeakIdentityMap<>();

  WebSocketMetrics(MetricRegistry registry, int seriesLimit) {
    String[] byEndpoint = {ENDPOINT};
    active =
        registry.register(
            new Counter(
                "websocket.server.sessions.active", "WebSocket sessions open now, per endpoint path template.",
                "{session}", true, byEndpoint, seriesLimit));
    opened =
        registry.register(
            new Counter(
                "websocket.server.sessions.opened", "WebSocket sessions opened.",
                "{session}", false, byEndpoint, seriesLimit));
    closed =
        registry.register(
            new Counter(
                "websocket.server.sessions.closed",
                "WebSocket sessions closed, by close code class: normal, going_away, abnormal, error, library, application, unknown.",
                "{session}", false, new String[] {ENDPOINT, CLOSE_CLASS}, seriesLimit));
    errors =
        registry.register(
            new Counter(
                "websocket.server.errors", "Errors the container reported on a session (onError).",
                "{error}", false, new String[] {ENDPOINT, ERROR_TYPE}, seriesLimit));
    handshakes =
        registry.register(
            new Counter(
                "websocket.server.handshakes",
                "WebSocket upgrade requests; error.type is the HTTP status of the ones refused.",
                "{handshake}", false, new String[] {ERROR_TYPE}, seriesLimit));
    messages =
        registry.register(
            new Counter(
                "websocket.server.messages", "WebSocket messages received and sent (a partial message counts once, at its last part when sent).",
                "{message}", false, new String[] {DIRECTION, TYPE}, seriesLimit));
    duration =
        registry.register(
            new LatencyHistogram(
                "websocket.server.message.duration",
                "Time the handler of a received WebSocket message (@OnMessage, MessageHandler) took; error.type is set when it threw.",
                new String[] {TYPE, ERROR_TYPE}, seriesLimit));
    openRate = registry.recentIncrease(opened::total);
    closeRate = registry.recentIncrease(closed::total);
    messageRate = registry.recentIncrease(messages::total);
  }

  void opened(Object session, String endpoint) {
    try {
      if (session == null || sessions.get(session) != null) {
        return;
      }
      String path = endpoint == null ? UNKNOWN_ENDPOINT : endpoint;
      sessions.put(session, new WebSocketSession(path));
      opened.series().get(path).increment();
      active.series().get(path).increment();
      handshakes.series().get(null).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("websocket open", "cannot record a WebSocket open", e);
    }
  }

  void closed(Object session, int closeCode) {
    try {
      WebSocketSession known = sessions.remove(session);
      if (known == null) {
        return; // reported twice (wrapper and application method), or opened before the agent
      }
      closed.series().get(known.endpoint, CloseCodes.classOf(closeCode)).increment();
      active.series().get(known.endpoint).decrement();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("websocket close", "cannot record a WebSocket close", e);
    }
  }

  void error(Object session, Throwable error) {
    try {
      WebSocketSession known = sessions.get(session);
      errors.series()
          .get(known == null ? UNKNOWN_ENDPOINT : known.endpoint, error == null ? null : error.getClass().getName())
          .increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("websocket error", "cannot record a WebSocket error", e);
    }
  }

  long messageStarted() {
    WebSocketThreadState state = THREAD.get();
    if (state.handlerDepth++ == 0) {
      state.handlerError = null;
      return System.nanoTime();
    }
    return 0L;
  }

  void messageHandled(long startNanos, String type, Throwable thrown) {
    WebSocketThreadState state = THREAD.get();
    state.handlerDepth = Math.max(0, state.handlerDepth - 1);
    if (startNanos == 0L) {
      // nested: the outer call may swallow this (Tomcat hands it to onError), so keep the first
      if (thrown != null && state.handlerError == null) {
        state.handlerError = thrown;
      }
      return;
    }
    try {
      long nanos = System.nanoTime() - startNanos;
      // the innermost exception is the application's own; outer ones may wrap it
      Throwable error = state.handlerError != null ? state.handlerError : thrown;
      state.handlerError = null;
      messages.series().get(SocketIoMetrics.RECEIVED, type).increment();
      duration.series().get(type, error == null ? null : error.getClass().getName()).record(nanos);
    } catch (RuntimeException e) {
      AgentLog.warnOnce("websocket message", "cannot record a WebSocket message", e);
    }
  }

  boolean sendStarted() {
    return THREAD.get().sendDepth++ == 0;
  }

  void sent(boolean outermost, String method, Throwable thrown) {
    WebSocketThreadState state = THREAD.get();
    state.sendDepth = Math.max(0, state.sendDepth - 1);
    String type = sentType(method);
    if (!outermost || thrown != null || type == null) {
      return;
    }
    try {
      messages.series().get(SocketIoMetrics.SENT, type).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("websocket send", "cannot record a WebSocket message sent", e);
    }
  }

  private static String sentType(String method) {
    if ("sendText".equals(method)) {
      return "text";
    }
    if ("sendBinary".equals(method)) {
      return "binary";
    }
    return "sendObject".equals(method) ? "object" : null;
  }

  void upgradeFailed(int status) {
    try {
      handshakes.series().get(Integer.toString(status)).increment();
    } catch (RuntimeException e) {
      AgentLog.warnOnce("websocket upgrade", "cannot record a failed WebSocket upgrade", e);
    }
  }
}
