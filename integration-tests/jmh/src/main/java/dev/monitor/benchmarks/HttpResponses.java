package dev.monitor.benchmarks;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads HTTP/1.1 responses off a raw connection, for the servlet benchmark and the
 * whole-service load: no client library between the measurement and the server.
 */
public final class HttpResponses {

  private HttpResponses() {}

  /** The status bits of {@link #read}'s answer. */
  public static final int STATUS = 0xffff;
  public static final int CLOSES = 1 << 16;

  /**
   * Reads one response (status line, headers, a Content-Length or chunked body): its status, with
   * {@link #CLOSES} set when the server closes the connection after it (Tomcat does so after 100
   * requests on one connection).
   */
  public static int read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null || statusLine.length() < 12) {
      throw new IOException("no status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        closes = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
        skip(in, size);
        line(in);
      }
      line(in);
    } else if (length > 0) {
      skip(in, length);
    }
    return closes ? status | CLOSES : status;
  }

  private static void skip(InputStream in, long n) throws IOException {
    for (long left = n; left > 0; ) {
      if (in.read() < 0) {
        throw new IOException("the body ended early");
      }
      left--;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') {
        int last = b.length() - 1;
        return last >= 0 && b.charAt(last) == '\r' ? b.substring(0, last) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }
}
