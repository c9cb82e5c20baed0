package dev.monitor.agent.sockets;

/**
 * Per thread: how deep in message handlers and sends it is (only the outermost is timed and
 * counted), and the first exception a nested handler threw, which the outer one may swallow.
 * Used by its own thread only.
 */
final class WebSocketThreadState {
  int handlerDepth;
  int sendDepth;
  Throwable handlerError;
}
