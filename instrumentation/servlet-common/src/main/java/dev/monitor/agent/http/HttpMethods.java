package dev.monitor.agent.http;

/**
 * Canonical method names: the nine known methods map to constants, anything else to
 * {@code _OTHER} (as OpenTelemetry's semantic conventions say), which bounds the attribute.
 */
final class HttpMethods {

  static final String OTHER = "_OTHER";

  private HttpMethods() {}

  /** The canonical names by {@link #index}; the last is {@link #OTHER}. */
  static final String[] NAMES = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", OTHER};

  /** The method's place in {@link #NAMES}. */
  static int index(String method) {
    if (method == null) {
      return NAMES.length - 1;
    }
    switch (method) {
      case "GET":
        return 0;
      case "POST":
        return 1;
      case "PUT":
        return 2;
      case "DELETE":
        return 3;
      case "PATCH":
        return 4;
      case "HEAD":
        return 5;
      case "OPTIONS":
        return 6;
      case "TRACE":
        return 7;
      case "CONNECT":
        return 8;
      default:
        return NAMES.length - 1;
    }
  }
}
