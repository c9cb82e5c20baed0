package dev.monitor.agent.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.monitor.agent.config.WebhookSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertWebhookTest {

  final List<String> bodies = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();
  HttpServer server;

  final Alert alert =
      new Alert(new AlertRule("error-rate", "Share of failed requests.", "ratio", AlertRule.WARNING, 0.05, Duration.ofSeconds(300), () -> null));

  /** A receiver that answers {@code statuses} in turn (the last one from then on), after {@code delayMillis}. */
  String receiver(long delayMillis, int... statuses) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      int call = calls.getAndIncrement();
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(statuses[Math.min(call, statuses.length - 1)], answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/T000/secret";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static AlertWebhook webhook(String url, long timeoutMillis, int retries) {
    return new AlertWebhook(
        new WebhookSettings(url, Duration.ofMillis(timeoutMillis), retries, Collections.singletonMap("Authorization", "Bearer t0k")),
        "orders",
        2,
        10);
  }

  AlertEvent fired() {
    alert.update(0.2, 1_000);
    alert.update(0.25, 301_000);
    return AlertEvent.fired(alert);
  }

  @Test
  void a503IsTriedAgainAndTheSameBodyArrives() throws Exception {
    AlertWebhook webhook = webhook(receiver(0, 503, 503, 202), 2_000, 3);
    assertTrue(webhook.deliver(fired()));
    assertEquals(3, bodies.size());
    assertEquals(bodies.get(0), bodies.get(2));
    assertEquals("Bearer t0k", authorizations.get(0));
    assertEquals(1, webhook.sent.get());
    assertEquals(0, webhook.failed.get());
    String body = bodies.get(0);
    assertTrue(body.startsWith("{\"text\":\"[FIRING] error-rate (warning) on orders: 0.25 ratio above 0.05 for 300 s. Share of failed requests.\",\"status\":\"firing\",\"alert\":\"error-rate\",\"severity\":\"warning\""), body);
    assertTrue(body.contains("\"value\":0.25,\"threshold\":0.05,\"unit\":\"ratio\",\"forSeconds\":300,\"firedAt\":\"1970-01-01T00:05:01Z\",\"service\":\"orders\""), body);
  }

  @Test
  void retriesStopAtTheSetNumberAndA404IsFinal() throws Exception {
    AlertWebhook webhook = webhook(receiver(0, 500), 2_000, 2);
    assertFalse(webhook.deliver(fired()));
    assertEquals(3, calls.get());
    calls.set(0);
    AlertWebhook wrongPath = webhook("http://127.0.0.1:" + server.getAddress().getPort() + "/nothing-here", 2_000, 3);
    assertFalse(wrongPath.deliver(fired()));
    assertEquals(0, calls.get(), "the context does not exist: the server answers 404 itself");
    assertEquals(1, wrongPath.failed.get());
  }

  @Test
  void aResolvedEventSaysWhenItFiredAndWhatTheValueIsNow() throws Exception {
    AlertWebhook webhook = webhook(receiver(0, 200), 2_000, 0);
    fired();
    alert.update(0.01, 400_000);
    Map<String, Object> payload = webhook.payload(AlertEvent.resolved(alert));
    assertEquals("resolved", payload.get("status"));
    assertEquals(0.01, payload.get("value"));
    assertEquals("1970-01-01T00:06:40Z", payload.get("resolvedAt"));
    assertEquals(
        "[RESOLVED] error-rate (warning) on orders: now 0.01 ratio, threshold 0.05; it fired at 1970-01-01T00:05:01Z.",
        payload.get("text"));
  }

  @Test
  void aReceiverThatIsDownOrTooSlowFailsWithinItsTimeout() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    AlertWebhook down = webhook("http://127.0.0.1:" + closed + "/hook", 1_000, 1);
    assertFalse(down.deliver(fired()));
    assertEquals(1, down.failed.get());

    AlertWebhook slow = webhook(receiver(1_000, 200), 200, 0);
    assertFalse(slow.deliver(fired()));
    assertEquals(1, slow.failed.get());
  }

  @Test
  void aFullQueueDropsAndCounts() {
    AlertWebhook webhook = webhook("http://127.0.0.1:9/hook", 1_000, 0); // sender never started
    for (int i = 0; i < 5; i++) {
      webhook.offer(fired());
    }
    assertEquals(3, webhook.dropped.get());
  }
}
