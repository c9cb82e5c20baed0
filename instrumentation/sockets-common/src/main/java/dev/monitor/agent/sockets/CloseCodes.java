package dev.monitor.agent.sockets;

/** A WebSocket close code (RFC 6455 §7.4) reduced to a bounded class a runbook can alert on. */
final class CloseCodes {

  private CloseCodes() {}

  static String classOf(int code) {
    if (code == 1000) {
      return "normal";
    }
    if (code == 1001) {
      return "going_away";
    }
    if (code == 1006) {
      return "abnormal"; // no close frame: the connection dropped
    }
    if (code >= 1002 && code <= 1015) {
      return "error";
    }
    if (code >= 3000 && code <= 3999) {
      return "library";
    }
    if (code >= 4000 && code <= 4999) {
      return "application";
    }
    return "unknown";
  }
}
