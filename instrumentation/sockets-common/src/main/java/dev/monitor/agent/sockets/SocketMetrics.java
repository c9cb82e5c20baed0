package dev.monitor.agent.sockets;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.SocketRecorder;
import java.util.function.Consumer;

/**
 * The recorder behind the Socket.IO and WebSocket advice: hands each report to
 * {@link SocketIoMetrics} or {@link WebSocketMetrics}. Never throws into the server.
 */
public final class SocketMetrics implements SocketRecorder {

  private final SocketIoMetrics socketIo;
  private final WebSocketMetrics webSocket;
  private final SocketIoServers servers;

  public SocketMetrics(MetricRegistry registry, int seriesLimit, Consumer<HealthCheck> onServerAdded) {
    this.socketIo = new SocketIoMetrics(registry, seriesLimit);
    this.webSocket = new WebSocketMetrics(registry, seriesLimit);
    this.servers = new SocketIoServers(onServerAdded, socketIo.active::total);
  }

  public SocketIoMetrics socketIo() {
    return socketIo;
  }

  public WebSocketMetrics webSocket() {
    return webSocket;
  }

  @Override
  public String mark(String cause) {
    return ThreadMarks.set(cause);
  }

  @Override
  public void unmark(String previous) {
    ThreadMarks.set(previous);
  }

  @Override
  public void socketIoServerStarted(Object server, String implementation, String host, int port) {
    try {
      servers.started(server, implementation, host, port);
      socketIo.serverStarted();
    } catch (RuntimeException e) {
      dev.monitor.agent.log.AgentLog.warnOnce("socketio server", "cannot register a Socket.IO server", e);
    }
  }

  @Override
  public void socketIoServerStopped(Object server) {
    servers.stopped(server);
  }

  @Override
  public void socketIoHandshake(boolean accepted, Throwable thrown) {
    socketIo.handshake(accepted, thrown);
  }

  @Override
  public Object socketIoWrapInterceptor(Object interceptor) {
    return HandshakeInterceptors.wrap(interceptor, socketIo);
  }

  @Override
  public void socketIoConnected(Object session, String namespace) {
    socketIo.connected(session, namespace);
  }

  @Override
  public void socketIoDisconnectRequested(Object session, String namespace) {
    socketIo.disconnectRequested(session, namespace);
  }

  @Override
  public void socketIoDisconnected(Object session, String namespace) {
    socketIo.disconnected(session, namespace);
  }

  @Override
  public void socketIoRejected(String namespace, String reason) {
    socketIo.rejected(namespace, reason);
  }

  @Override
  public long socketIoEventStarted() {
    return socketIo.eventStarted();
  }

  @Override
  public void socketIoEventFailed(Throwable error) {
    socketIo.eventFailed(error);
  }

  @Override
  public void socketIoEventHandled(String namespace, String event, long startNanos, Throwable thrown) {
    socketIo.eventHandled(namespace, event, startNanos, thrown);
  }

  @Override
  public void socketIoEventSent(String namespace, String event) {
    socketIo.eventSent(namespace, event);
  }

  @Override
  public void webSocketOpened(Object endpoint, Object session, Object config) {
    String path = WebSocketApi.configPath(config);
    webSocket.opened(session, path != null ? path : WebSocketApi.annotatedPath(endpoint));
  }

  @Override
  public void webSocketClosed(Object session, Object closeReason) {
    webSocket.closed(session, WebSocketApi.closeCode(closeReason));
  }

  @Override
  public void webSocketAnnotated(String annotation, Object endpoint, Object[] arguments) {
    try {
      Object session = WebSocketApi.find(arguments, "websocket.Session");
      if ("OnOpen".equals(annotation)) {
        webSocketOpened(endpoint, session, WebSocketApi.find(arguments, "websocket.EndpointConfig"));
      } else if ("OnClose".equals(annotation)) {
        webSocketClosed(session, WebSocketApi.find(arguments, "websocket.CloseReason"));
      } else if ("OnError".equals(annotation)) {
        webSocket.error(session, WebSocketApi.throwable(arguments));
      }
    } catch (RuntimeException e) {
      dev.monitor.agent.log.AgentLog.warnOnce("websocket annotated", "cannot read an annotated WebSocket endpoint call", e);
    }
  }

  @Override
  public void webSocketError(Object session, Throwable error) {
    webSocket.error(session, error);
  }

  @Override
  public long webSocketMessageStarted() {
    return webSocket.messageStarted();
  }

  @Override
  public void webSocketMessageHandled(long startNanos, String type, Throwable thrown) {
    webSocket.messageHandled(startNanos, type, thrown);
  }

  @Override
  public String webSocketMessageType(Object message) {
    return WebSocketApi.messageType(message);
  }

  @Override
  public String webSocketMethodMessageType(String nameAndDescriptor) {
    return MethodMessageTypes.of(nameAndDescriptor);
  }

  @Override
  public boolean webSocketSendStarted() {
    return webSocket.sendStarted();
  }

  @Override
  public void webSocketSent(boolean outermost, String method, Throwable thrown) {
    webSocket.sent(outermost, method, thrown);
  }

  @Override
  public void webSocketUpgradeFailed(int status) {
    webSocket.upgradeFailed(status);
  }
}
