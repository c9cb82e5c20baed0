package dev.monitor.agent.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A throw-away connection that speaks just enough RESP for a health check: {@code PING} and
 * {@code INFO server}. It does not authenticate (the agent never reads the service's
 * credentials), so a server that requires a password answers {@code -NOAUTH}, which still
 * proves it is up. Not thread-safe; one per check.
 */
final class RespPing implements AutoCloseable {

  /** A reply line or an INFO section longer than this is not a Redis server talking. */
  private static final int MAX_REPLY = 64 * 1024;
  private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INFO_SERVER =
      "*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RespPing(RedisServer server, int timeoutMillis) throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(server.host, server.port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      Socket s = plain;
      if (server.tls) {
        s = ((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault())
            .createSocket(plain, server.host, server.port, true);
      }
      this.socket = s;
      this.in = new java.io.BufferedInputStream(s.getInputStream());
      this.out = s.getOutputStream();
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** The reply line to PING: {@code +PONG}, or an error such as {@code -NOAUTH ...}. */
  String ping() throws IOException {
    out.write(PING);
    out.flush();
    return line();
  }

  /** The text of {@code INFO server}, or null when the server answered with an error. */
  String infoServer() throws IOException {
    out.write(INFO_SERVER);
    out.flush();
    String header = line();
    if (!header.startsWith("$")) {
      return null;
    }
    int length = Integer.parseInt(header.substring(1));
    if (length < 0 || length > MAX_REPLY) {
      throw new IOException("unexpected INFO reply length " + length);
    }
    byte[] body = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new IOException("connection closed inside the INFO reply");
      }
      read += n;
    }
    line(); // the CRLF after the bulk string
    return new String(body, StandardCharsets.UTF_8);
  }

  /** One value of an INFO text, such as {@code redis_version}; null when absent. */
  static String infoValue(String info, String key) {
    for (String line : info.split("\r\n")) {
      if (line.startsWith(key + ":")) {
        return line.substring(key.length() + 1).trim();
      }
    }
    return null;
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = buffer.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      if (buffer.size() > MAX_REPLY) {
        throw new IOException("reply line too long: not a Redis server?");
      }
      buffer.write(b);
      previous = b;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
