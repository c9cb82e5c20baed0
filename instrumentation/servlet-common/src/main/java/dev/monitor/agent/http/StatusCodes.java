package dev.monitor.agent.http;

/** Status codes as attribute strings, made once so a request does not allocate one. */
final class StatusCodes {

  private static final String[] TEXT = new String[600];

  static {
    for (int i = 100; i < TEXT.length; i++) {
      TEXT[i] = Integer.toString(i);
    }
  }

  private StatusCodes() {}

  static String text(int status) {
    return status >= 100 && status < TEXT.length ? TEXT[status] : Integer.toString(status);
  }
}
