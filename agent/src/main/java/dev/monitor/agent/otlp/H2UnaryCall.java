package dev.monitor.agent.otlp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One unary gRPC call over a fresh HTTP/2 connection of its own: plaintext with prior knowledge
 * (what a collector's port 4317 speaks, and what the JDK's HttpClient cannot) or TLS with ALPN
 * {@code h2}. Just enough HTTP/2 for that: the preface, SETTINGS, one HEADERS block (HPACK
 * literals, no Huffman, no table), DATA frames within the peer's flow-control windows, and
 * reading frames until the stream ends.
 *
 * <p>The answer is not HPACK-decoded (that would need the Huffman table): a gRPC call succeeded
 * exactly when its response carries a message, since an error ({@code grpc-status} other than
 * 0) never does. One call, one thread; a new connection each export, every few seconds at most.
 */
final class H2UnaryCall {

  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int DATA = 0x0;
  private static final int HEADERS = 0x1;
  private static final int RST_STREAM = 0x3;
  private static final int SETTINGS = 0x4;
  private static final int PING = 0x6;
  private static final int GOAWAY = 0x7;
  private static final int WINDOW_UPDATE = 0x8;
  private static final int END_STREAM = 0x1;
  private static final int END_HEADERS = 0x4;
  private static final int ACK = 0x1;
  private static final int STREAM = 1;

  /** Why a call did not succeed, in words for the agent's one warning. */
  static final class CallFailed extends IOException {
    CallFailed(String message) {
      super(message);
    }
  }

  private final boolean tls;
  private final String host;
  private final int port;
  private final int timeoutMillis;

  H2UnaryCall(boolean tls, String host, int port, int timeoutMillis) {
    this.tls = tls;
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Sends {@code message} (already gRPC-framed) to {@code path} and returns when the server has
   * answered it; throws {@link CallFailed} or another IOException otherwise.
   */
  void call(String path, Map<String, String> headers, byte[] message) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try (Socket socket = open()) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
      out.write(PREFACE);
      frame(out, SETTINGS, 0, 0, new byte[0]);
      frame(out, HEADERS, END_HEADERS, STREAM, requestHeaders(path, headers));
      Peer peer = new Peer();
      int sent = 0;
      while (sent < message.length) {
        int chunk = Math.min(message.length - sent, Math.min(peer.maxFrame, Math.min(peer.streamWindow, peer.connectionWindow)));
        if (chunk <= 0) {
          out.flush();
          read(in, out, peer, deadline); // wait for WINDOW_UPDATE
          continue;
        }
        boolean last = sent + chunk == message.length;
        frame(out, DATA, last ? END_STREAM : 0, STREAM, java.util.Arrays.copyOfRange(message, sent, sent + chunk));
        sent += chunk;
        peer.streamWindow -= chunk;
        peer.connectionWindow -= chunk;
      }
      out.flush();
      while (!peer.ended) {
        read(in, out, peer, deadline);
      }
      if (!peer.gotMessage) {
        throw new CallFailed("the collector answered the gRPC call with an error (no response message)");
      }
    }
  }

  private Socket open() throws IOException {
    if (!tls) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return socket;
    }
    SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket();
    socket.connect(new InetSocketAddress(host, port), timeoutMillis);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setApplicationProtocols(new String[] {"h2"});
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setServerNames(java.util.Collections.singletonList(new javax.net.ssl.SNIHostName(host)));
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    if (!"h2".equals(socket.getApplicationProtocol())) {
      socket.close();
      throw new CallFailed("the collector at " + host + ":" + port + " does not speak HTTP/2 over TLS");
    }
    return socket;
  }

  private byte[] requestHeaders(String path, Map<String, String> headers) {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    literal(block, ":method", "POST");
    literal(block, ":scheme", tls ? "https" : "http");
    literal(block, ":path", path);
    literal(block, ":authority", host + ":" + port);
    literal(block, "content-type", "application/grpc");
    literal(block, "te", "trailers");
    literal(block, "user-agent", "monitor-otlp");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      literal(block, h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue());
    }
    return block.toByteArray();
  }

  /** HPACK "literal header field without indexing, new name", both strings raw. */
  private static void literal(ByteArrayOutputStream block, String name, String value) {
    block.write(0);
    string(block, name.getBytes(StandardCharsets.UTF_8));
    string(block, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void string(ByteArrayOutputStream block, byte[] bytes) {
    integer(block, bytes.length, 7, 0);
    block.write(bytes, 0, bytes.length);
  }

  /** HPACK integer with an n-bit prefix. */
  private static void integer(ByteArrayOutputStream block, int value, int prefixBits, int flags) {
    int max = (1 << prefixBits) - 1;
    if (value < max) {
      block.write(flags | value);
      return;
    }
    block.write(flags | max);
    value -= max;
    while (value >= 128) {
      block.write((value % 128) + 128);
      value /= 128;
    }
    block.write(value);
  }

  private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
    int length = payload.length;
    out.write(new byte[] {
      (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, (byte) type, (byte) flags,
      (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream
    });
    out.write(payload);
  }

  /** What the server has told us so far. */
  private static final class Peer {
    int maxFrame = 16_384;
    int streamWindow = 65_535;
    int connectionWindow = 65_535;
    int initialWindow = 65_535;
    boolean ended;
    boolean gotMessage;
  }

  private static void read(DataInputStream in, OutputStream out, Peer peer, long deadline) throws IOException {
    if (System.nanoTime() > deadline) {
      throw new java.net.SocketTimeoutException("no answer from the collector within the timeout");
    }
    int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
    int type = in.readUnsignedByte();
    int flags = in.readUnsignedByte();
    int stream = in.readInt() & 0x7fffffff;
    byte[] payload = new byte[length];
    in.readFully(payload);
    switch (type) {
      case SETTINGS:
        if ((flags & ACK) == 0) {
          settings(payload, peer);
          frame(out, SETTINGS, ACK, 0, new byte[0]);
          out.flush();
        }
        break;
      case WINDOW_UPDATE:
        int increment = ((payload[0] & 0x7f) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
        if (stream == 0) {
          peer.connectionWindow += increment;
        } else {
          peer.streamWindow += increment;
        }
        break;
      case PING:
        if ((flags & ACK) == 0) {
          frame(out, PING, ACK, 0, payload);
          out.flush();
        }
        break;
      case DATA:
        if (stream == STREAM && length >= 5) {
          peer.gotMessage = true; // a gRPC message: the 5-byte prefix, then the (maybe empty) body
        }
        peer.ended |= stream == STREAM && (flags & END_STREAM) != 0;
        break;
      case HEADERS:
        peer.ended |= stream == STREAM && (flags & END_STREAM) != 0;
        break;
      case RST_STREAM:
        throw new CallFailed("the collector reset the gRPC stream (HTTP/2 error " + errorCode(payload, 0) + ")");
      case GOAWAY:
        throw new CallFailed("the collector closed the connection (HTTP/2 GOAWAY, error " + errorCode(payload, 4) + ")");
      default:
        break; // PRIORITY, CONTINUATION of the answer's headers, PUSH_PROMISE (never sent to us)
    }
  }

  private static void settings(byte[] payload, Peer peer) {
    for (int i = 0; i + 6 <= payload.length; i += 6) {
      int id = ((payload[i] & 0xff) << 8) | (payload[i + 1] & 0xff);
      int value = ((payload[i + 2] & 0xff) << 24) | ((payload[i + 3] & 0xff) << 16) | ((payload[i + 4] & 0xff) << 8) | (payload[i + 5] & 0xff);
      if (id == 0x4) { // INITIAL_WINDOW_SIZE: changes the open stream's window by the difference
        peer.streamWindow += value - peer.initialWindow;
        peer.initialWindow = value;
      } else if (id == 0x5) { // MAX_FRAME_SIZE
        peer.maxFrame = value;
      }
    }
  }

  private static long errorCode(byte[] payload, int offset) {
    if (payload.length < offset + 4) {
      return -1;
    }
    return ((payload[offset] & 0xffL) << 24) | ((payload[offset + 1] & 0xff) << 16) | ((payload[offset + 2] & 0xff) << 8) | (payload[offset + 3] & 0xff);
  }
}
