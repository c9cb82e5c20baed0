package dev.monitor.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Plain sockets to the monitor port, for what an HTTP client library will not send. */
final class RawHttp {

  /** The first bytes of a TLS 1.2 ClientHello record, as a TLS probe sends them to a plain port. */
  static final byte[] TLS_CLIENT_HELLO = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};

  private RawHttp() {}

  /** Sends {@code bytes} and reads until the server closes or {@code timeoutMillis} passes. */
  static String exchange(int port, byte[] bytes, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMillis);
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return readUntilClosed(socket.getInputStream());
    }
  }

  static String exchange(int port, String request, int timeoutMillis) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
  }

  /** Everything the server sends until it closes; throws SocketTimeoutException if it never does. */
  static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** Whether the server closed {@code socket} (EOF or reset) within {@code timeoutMillis}. */
  static boolean closedWithin(Socket socket, int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    try {
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // an answer (408, 400) before the close is fine
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }
}
