package dev.monitor.agent.http;

/**
 * Canonical method names: the nine known methods map to constants, anything else to
 * {@code _OTHER} (as OpenTelemetry's semantic conventions say), which bounds the attribute.
 */
final class HttpMethods {

  static final String OTHER = "_OTHER";

  private HttpMethods() {}

  static String canonical(String method) {
    if (method == null) {
      return OTHER;
    }
    switch (method) {
      case "GET":
        return "GET";
      case "POST":
        return "POST";
      case "PUT":
        return "PUT";
      case "DELETE":
        return "DELETE";
      case "PATCH":
        return "PATCH";
      case "HEAD":
        return "HEAD";
      case "OPTIONS":
        return "OPTIONS";
      case "TRACE":
        return "TRACE";
      case "CONNECT":
        return "CONNECT";
      default:
        return OTHER;
    }
  }
}
