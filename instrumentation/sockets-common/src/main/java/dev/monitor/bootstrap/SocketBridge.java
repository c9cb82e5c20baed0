package dev.monitor.bootstrap;

/**
 * Static entry points that the Socket.IO and WebSocket advice (inlined into the servers'
 * classes) calls. Everything is delegated to the recorder the agent installs; until then nothing
 * is recorded.
 */
public final class SocketBridge {

  /** Thread marks: why the disconnect or handshake failure below happens. */
  public static final String CLIENT_DISCONNECT = "client namespace disconnect";
  public static final String BAD_TRANSPORT = "bad_transport";

  private static volatile SocketRecorder recorder = SocketRecorder.NOOP;

  private SocketBridge() {}

  /** Called once by the agent at start. */
  public static void install(SocketRecorder installed) {
    recorder = installed == null ? SocketRecorder.NOOP : installed;
  }

  public static String mark(String cause) {
    return recorder.mark(cause);
  }

  public static void unmark(String previous) {
    recorder.unmark(previous);
  }

  public static void socketIoServerStarted(Object server, String implementation, String host, int port) {
    recorder.socketIoServerStarted(server, implementation, host, port);
  }

  public static void socketIoServerStopped(Object server) {
    recorder.socketIoServerStopped(server);
  }

  public static void socketIoHandshake(boolean accepted, Throwable thrown) {
    recorder.socketIoHandshake(accepted, thrown);
  }

  public static Object socketIoWrapInterceptor(Object interceptor) {
    return recorder.socketIoWrapInterceptor(interceptor);
  }

  public static void socketIoConnected(Object session, String namespace) {
    recorder.socketIoConnected(session, namespace);
  }

  public static void socketIoDisconnectRequested(Object session, String namespace) {
    recorder.socketIoDisconnectRequested(session, namespace);
  }

  public static void socketIoDisconnected(Object session, String namespace) {
    recorder.socketIoDisconnected(session, namespace);
  }

  public static void socketIoRejected(String namespace, String reason) {
    recorder.socketIoRejected(namespace, reason);
  }

  public static long socketIoEventStarted() {
    return recorder.socketIoEventStarted();
  }

  public static void socketIoEventFailed(Throwable error) {
    recorder.socketIoEventFailed(error);
  }

  public static void socketIoEventHandled(String namespace, String event, long startNanos, Throwable thrown) {
    recorder.socketIoEventHandled(namespace, event, startNanos, thrown);
  }

  public static void socketIoEventSent(String namespace, String event) {
    recorder.socketIoEventSent(namespace, event);
  }

  public static void webSocketOpened(Object endpoint, Object session, Object config) {
    recorder.webSocketOpened(endpoint, session, config);
  }

  public static void webSocketClosed(Object session, Object closeReason) {
    recorder.webSocketClosed(session, closeReason);
  }

  public static void webSocketAnnotated(String annotation, Object endpoint, Object[] arguments) {
    recorder.webSocketAnnotated(annotation, endpoint, arguments);
  }

  public static void webSocketError(Object session, Throwable error) {
    recorder.webSocketError(session, error);
  }

  public static long webSocketMessageStarted() {
    return recorder.webSocketMessageStarted();
  }

  public static void webSocketMessageHandled(long startNanos, String type, Throwable thrown) {
    recorder.webSocketMessageHandled(startNanos, type, thrown);
  }

  public static String webSocketMessageType(Object message) {
    return recorder.webSocketMessageType(message);
  }

  public static String webSocketMethodMessageType(String nameAndDescriptor) {
    return recorder.webSocketMethodMessageType(nameAndDescriptor);
  }

  public static boolean webSocketSendStarted() {
    return recorder.webSocketSendStarted();
  }

  public static void webSocketSent(boolean outermost, String method, Throwable thrown) {
    recorder.webSocketSent(outermost, method, thrown);
  }

  public static void webSocketUpgradeFailed(int status) {
    recorder.webSocketUpgradeFailed(status);
  }
}
