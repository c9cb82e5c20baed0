package dev.monitor.bootstrap;

/**
 * What the Socket.IO and WebSocket server advice reports, implemented by the agent. Types are
 * {@code Object} because the bootstrap class loader cannot see the server libraries.
 * Implementations never throw.
 *
 * <p>A few facts are only known further up the stack than where they are reported (why a client
 * disconnected, why a handshake failed, whether an event handler failed inside a library that
 * swallows the exception), so the advice marks the current thread on the way in with
 * {@link #mark} and clears it with {@link #unmark}; the report below reads the mark.
 */
public interface SocketRecorder {

  /** Marks this thread with a bounded cause; returns the previous mark to restore. */
  String mark(String cause);

  void unmark(String previous);

  // ---- Socket.IO (netty-socketio, socket.io-server) ----

  /** A Socket.IO server started listening on {@code host:port} (host null: every interface). */
  void socketIoServerStarted(Object server, String implementation, String host, int port);

  void socketIoServerStopped(Object server);

  /** A transport-level handshake ended; the failure reason comes from the thread's mark. */
  void socketIoHandshake(boolean accepted, Throwable thrown);

  /**
   * Wraps the application's handshake interceptor (engine.io-server) so that its refusals are
   * counted; returns the interceptor itself when it cannot.
   */
  Object socketIoWrapInterceptor(Object interceptor);

  /**
   * A client joined {@code namespace}. {@code session} identifies the client (its session id):
   * a library may report one join with two client objects.
   */
  void socketIoConnected(Object session, String namespace);

  /** The application asked to disconnect a client; the disconnect may follow later. */
  void socketIoDisconnectRequested(Object session, String namespace);

  /**
   * A client left {@code namespace}; the reason is the thread's mark, or that the application
   * asked for it, or else that the transport closed.
   */
  void socketIoDisconnected(Object session, String namespace);

  /** A namespace's authorization (auth token) refused a client. */
  void socketIoRejected(String namespace, String reason);

  /** An event arrived and its handlers are about to run; returns the start. */
  long socketIoEventStarted();

  /** A handler of the current event failed and the library swallowed the exception. */
  void socketIoEventFailed(Throwable error);

  /** The handlers of an event returned (or threw {@code thrown}). */
  void socketIoEventHandled(String namespace, String event, long startNanos, Throwable thrown);

  /** An event was sent to one client. */
  void socketIoEventSent(String namespace, String event);

  // ---- WebSocket (JSR-356, javax and jakarta) ----

  /** {@code Endpoint.onOpen(session, config)} ran on {@code endpoint}. */
  void webSocketOpened(Object endpoint, Object session, Object config);

  /** {@code Endpoint.onClose(session, closeReason)} ran. */
  void webSocketClosed(Object session, Object closeReason);

  /**
   * An {@code @OnOpen}, {@code @OnClose} or {@code @OnError} method of an annotated endpoint ran
   * ({@code annotation} names which); its parameters come in any order, so all are handed over.
   */
  void webSocketAnnotated(String annotation, Object endpoint, Object[] arguments);

  /** The container reported an error on a session. */
  void webSocketError(Object session, Throwable error);

  /**
   * A message is about to reach its handler; returns the start, or 0 when this call is nested in
   * one already being timed (a container's handler calling the application's method). Always
   * paired with {@link #webSocketMessageHandled}.
   */
  long webSocketMessageStarted();

  /** {@code type} is {@link #webSocketMessageType}'s answer or a constant the advice knows. */
  void webSocketMessageHandled(long startNanos, String type, Throwable thrown);

  /** text, binary, pong or object (decoded), from the message a handler received. */
  String webSocketMessageType(Object message);

  /**
   * The same, from the handling method itself: its name and descriptor
   * ({@code @Advice.Origin("#m#d")}, a constant per call site), for an {@code @OnMessage} method
   * (by its parameter types) or a container's dispatch method (by its name).
   */
  String webSocketMethodMessageType(String nameAndDescriptor);

  /**
   * A send begins; returns whether it is the outermost one on this thread (a basic send calling
   * an async one is one message). Always paired with {@link #webSocketSent}.
   */
  boolean webSocketSendStarted();

  /** {@code method} is the send method's name: sendText, sendBinary or sendObject. */
  void webSocketSent(boolean outermost, String method, Throwable thrown);

  /** A WebSocket upgrade request was answered without switching protocols. */
  void webSocketUpgradeFailed(int status);

  SocketRecorder NOOP =
      new SocketRecorder() {
        @Override
        public String mark(String cause) {
          return null;
        }

        @Override
        public void unmark(String previous) {}

        @Override
        public void socketIoServerStarted(Object server, String implementation, String host, int port) {}

        @Override
        public void socketIoServerStopped(Object server) {}

        @Override
        public void socketIoHandshake(boolean accepted, Throwable thrown) {}

        @Override
        public Object socketIoWrapInterceptor(Object interceptor) {
          return interceptor;
        }

        @Override
        public void socketIoConnected(Object session, String namespace) {}

        @Override
        public void socketIoDisconnectRequested(Object session, String namespace) {}

        @Override
        public void socketIoDisconnected(Object session, String namespace) {}

        @Override
        public void socketIoRejected(String namespace, String reason) {}

        @Override
        public long socketIoEventStarted() {
          return 0L;
        }

        @Override
        public void socketIoEventFailed(Throwable error) {}

        @Override
        public void socketIoEventHandled(String namespace, String event, long startNanos, Throwable thrown) {}

        @Override
        public void socketIoEventSent(String namespace, String event) {}

        @Override
        public void webSocketOpened(Object endpoint, Object session, Object config) {}

        @Override
        public void webSocketClosed(Object session, Object closeReason) {}

        @Override
        public void webSocketAnnotated(String annotation, Object endpoint, Object[] arguments) {}

        @Override
        public void webSocketError(Object session, Throwable error) {}

        @Override
        public long webSocketMessageStarted() {
          return 0L;
        }

        @Override
        public void webSocketMessageHandled(long startNanos, String type, Throwable thrown) {}

        @Override
        public String webSocketMessageType(Object message) {
          return null;
        }

        @Override
        public String webSocketMethodMessageType(String nameAndDescriptor) {
          return null;
        }

        @Override
        public boolean webSocketSendStarted() {
          return false;
        }

        @Override
        public void webSocketSent(boolean outermost, String method, Throwable thrown) {}

        @Override
        public void webSocketUpgradeFailed(int status) {}
      };
}
