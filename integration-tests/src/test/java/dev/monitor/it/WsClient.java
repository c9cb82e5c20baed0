package dev.monitor.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One JDK {@code java.net.http.WebSocket} connection whose received texts queue up. */
final class WsClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final WebSocket socket;
  private final BlockingQueue<String> received;
  final CompletableFuture<Integer> closedByServer;

  private WsClient(WebSocket socket, BlockingQueue<String> received, CompletableFuture<Integer> closedByServer) {
    this.socket = socket;
    this.received = received;
    this.closedByServer = closedByServer;
  }

  static WsClient connect(String uri) throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.add(text.toString());
              text.setLength(0);
            }
            webSocket.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
          }
        };
    WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(uri), listener).get(10, TimeUnit.SECONDS);
    return new WsClient(socket, received, closed);
  }

  /** Sends a text and returns the next text received (10 s at most). */
  String ask(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    String reply = received.poll(10, TimeUnit.SECONDS);
    if (reply == null) {
      throw new AssertionError("no reply to " + text);
    }
    return reply;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  boolean isOpen() {
    return !socket.isOutputClosed() && !closedByServer.isDone();
  }

  void close(int code) throws Exception {
    socket.sendClose(code, "bye").get(10, TimeUnit.SECONDS);
    closedByServer.get(10, TimeUnit.SECONDS);
  }
}
