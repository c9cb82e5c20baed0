package dev.monitor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An alert webhook receiver for tests, like a Slack incoming webhook: it keeps every POST's JSON
 * body and {@code Authorization} header in order, and answers the given statuses in turn (the
 * last one from then on).
 */
final class WebhookReceiver implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One POST as received. */
  static final class Post {
    final JsonNode body;
    final String contentType;
    final String authorization;

    Post(JsonNode body, String contentType, String authorization) {
      this.body = body;
      this.contentType = contentType;
      this.authorization = authorization;
    }
  }

  final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final HttpServer server;

  private WebhookReceiver(int... statuses) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/services/T0/B0", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        posts.add(new Post(
            JSON.readTree(in.readAllBytes()),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization")));
      }
      int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
      byte[] answer = "ok".getBytes();
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  /** Answers 200 to everything. */
  static WebhookReceiver started() throws IOException {
    return new WebhookReceiver(200);
  }

  static WebhookReceiver answering(int... statuses) throws IOException {
    return new WebhookReceiver(statuses);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0";
  }

  /** The first POST whose body matches, waiting up to {@code millis}; fails when none arrives. */
  JsonNode await(String what, Predicate<JsonNode> matches, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      for (Post post : posts) {
        if (matches.test(post.body)) {
          return post.body;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no webhook POST " + what + " within " + millis + " ms; got " + bodies());
      }
      Thread.sleep(50);
    }
  }

  static Predicate<JsonNode> event(String alert, String status) {
    return body -> alert.equals(body.path("alert").asText()) && status.equals(body.path("status").asText());
  }

  long count(Predicate<JsonNode> matches) {
    return posts.stream().filter(p -> matches.test(p.body)).count();
  }

  String bodies() {
    StringBuilder out = new StringBuilder();
    for (Post post : posts) {
      out.append(post.body).append('\n');
    }
    return out.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
