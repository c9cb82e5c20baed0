package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The agent's alert rules in the demo service, with the durations shortened by settings: a 20 %
 * error rate goes pending, then fires (the gauge, /health DEGRADED, liveness untouched), then
 * resolves once healthy traffic brings the last minute's ratio under the threshold; an
 * exhausted pool and slow queries fire their rules.
 */
class AlertRulesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode alert(ChildJvm app, String name) throws Exception {
    JsonNode body = JSON.readTree(app.monitor("/health/alerts").body());
    for (JsonNode a : body.get("alerts")) {
      if (a.get("name").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError(name + " is not listed: " + body);
  }

  static String awaitState(ChildJvm app, String name, String state, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    String seen = null;
    while (System.currentTimeMillis() < deadline) {
      seen = alert(app, name).get("state").asText();
      if (seen.equals(state)) {
        return seen;
      }
      Thread.sleep(100);
    }
    return seen;
  }

  /** {@code monitor_alert_notifications_total{outcome}}, once it reaches {@code expected} or the time is up. */
  static double awaitNotifications(ChildJvm app, String outcome, double expected, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      double value = app.scrape().value("monitor_alert_notifications_total", "outcome", outcome);
      if (value >= expected || System.currentTimeMillis() >= deadline) {
        return value;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aTwentyPercentErrorRateGoesPendingFiresAndResolves() throws Exception {
    try (WebhookReceiver webhook = WebhookReceiver.started();
        ChildJvm app =
            ChildJvm.builder("dev.monitor.demo.DemoService")
                .property("monitor.alerts.interval", "500ms")
                .property("monitor.alerts.error-rate.for", "3s")
                .property("monitor.alerts.webhook.url", webhook.url())
                .property("monitor.alerts.webhook.headers", "Authorization=Bearer%20t0k")
                .start()) {
      JsonNode before = alert(app, "error-rate");
      assertEquals("INACTIVE", before.get("state").asText());
      assertEquals(0.05, before.get("threshold").asDouble());
      assertEquals(3.0, before.get("forSeconds").asDouble());
      for (int i = 0; i < 40; i++) {
        assertEquals(200, app.app("/api/hello").statusCode());
      }
      for (int i = 0; i < 10; i++) {
        assertEquals(500, app.app("/api/fail").statusCode());
      }
      assertEquals("PENDING", awaitState(app, "error-rate", "PENDING", 3_000));
      // it can go pending on an evaluation made while the failures were still arriving (5 of
      // 45 is 0.1111); the next one, 500 ms later, sees all 50
      double value = alert(app, "error-rate").get("value").asDouble();
      for (int i = 0; i < 20 && Math.abs(value - 0.2) > 0.001; i++) {
        Thread.sleep(100);
        value = alert(app, "error-rate").get("value").asDouble();
      }
      assertEquals(0.2, value, 0.001);
      assertEquals(200, app.monitor("/health").statusCode());
      assertEquals("UP", JSON.readTree(app.monitor("/health").body()).get("status").asText());

      assertEquals("FIRING", awaitState(app, "error-rate", "FIRING", 6_000));
      JsonNode firing = alert(app, "error-rate");
      assertEquals(0.2, firing.get("valueAtFiring").asDouble(), 0.001);
      // 10 of 50 is also above the critical rule's 10 %: it fires after its default 5 minutes
      assertEquals("PENDING", alert(app, "error-rate-critical").get("state").asText());
      Scrape scrape = app.scrape();
      assertEquals(1, scrape.value("monitor_alert_firing", "alert", "error-rate", "severity", "warning"));
      assertEquals(0, scrape.value("monitor_alert_firing", "alert", "latency-p95", "severity", "warning"));
      assertEquals(11, scrape.samples.stream().filter(s -> s.name.equals("monitor_alert_firing")).count());
      assertEquals(200, app.monitor("/health").statusCode());
      assertEquals("DEGRADED", JSON.readTree(app.monitor("/health").body()).get("status").asText());
      assertEquals(200, app.monitor("/health/live").statusCode());
      assertEquals(200, app.monitor("/health/ready").statusCode());
      JsonNode body = JSON.readTree(app.monitor("/health/alerts").body());
      assertEquals("DEGRADED", body.get("status").asText());
      assertEquals(1, body.get("firing").asInt());

      JsonNode posted = webhook.await("error-rate firing", WebhookReceiver.event("error-rate", "firing"), 3_000);
      String service = JSON.readTree(app.monitor("/health").body()).get("service").asText();
      assertEquals(
          "[FIRING] error-rate (warning) on " + service + ": 0.2 ratio above 0.05 for 3 s. "
              + posted.get("description").asText(),
          posted.get("text").asText());
      assertEquals("warning", posted.get("severity").asText());
      assertEquals(0.2, posted.get("value").asDouble(), 0.001);
      assertEquals(0.05, posted.get("threshold").asDouble());
      assertEquals(3.0, posted.get("forSeconds").asDouble());
      assertEquals(firing.get("firedAt").asText(), posted.get("firedAt").asText());
      assertEquals(service, posted.get("service").asText());
      assertEquals("application/json; charset=utf-8", webhook.posts.get(0).contentType);
      assertEquals("Bearer t0k", webhook.posts.get(0).authorization);

      // 160 healthy requests: 10 errors in 210 is 4.8 %, under the threshold
      for (int i = 0; i < 160; i++) {
        assertEquals(200, app.app("/api/hello").statusCode());
      }
      assertEquals("INACTIVE", awaitState(app, "error-rate", "INACTIVE", 3_000));
      JsonNode resolved = alert(app, "error-rate");
      assertTrue(resolved.has("resolvedAt"), resolved.toString());
      // the value of the last evaluation: the one that resolved it (10 errors in 201 to 210
      // requests, depending on when it ran during the healthy ones) or a later one
      double now = resolved.get("value").asDouble();
      assertTrue(now < 0.05 && now >= 10.0 / 210 - 0.0001, resolved.toString());
      JsonNode resolvedPost = webhook.await("error-rate resolved", WebhookReceiver.event("error-rate", "resolved"), 3_000);
      // resolved by the first evaluation under 5 %: 10 errors in 201 to 210 requests, depending on
      // when it ran during the healthy ones; the text says the value the post carries
      double resolvedAt = resolvedPost.get("value").asDouble();
      assertTrue(resolvedAt < 0.05 && resolvedAt >= 10.0 / 210 - 0.0001, resolvedPost.toString());
      assertTrue(resolvedPost.get("text").asText().startsWith(
          "[RESOLVED] error-rate (warning) on " + service + ": now " + resolvedPost.get("value").asText() + " ratio"), resolvedPost.toString());
      assertEquals(resolved.get("resolvedAt").asText(), resolvedPost.get("resolvedAt").asText());
      assertEquals(1, webhook.count(WebhookReceiver.event("error-rate", "firing")), webhook.bodies());
      assertEquals(2, webhook.posts.size(), "the critical rule never fired: " + webhook.bodies());
      // health results are cached for 2 s
      String health = null;
      for (long deadline = System.currentTimeMillis() + 4_000; System.currentTimeMillis() < deadline; Thread.sleep(100)) {
        health = JSON.readTree(app.monitor("/health/detailed").body()).get("checks").get("alerts").get("status").asText();
        if (health.equals("UP")) {
          break;
        }
      }
      assertEquals("UP", health);
      assertEquals(0, app.scrape()
          .value("monitor_alert_firing", "alert", "error-rate", "severity", "warning"));
      assertTrue(app.output().contains("alert error-rate (warning) is firing: 0.2 ratio above 0.05"), app.output());
      assertTrue(app.output().contains("alert error-rate is resolved"), app.output());
    }
  }

  @Test
  void anExhaustedPoolAndSlowQueriesFireTheirRules() throws Exception {
    try (WebhookReceiver webhook = WebhookReceiver.started();
        ChildJvm app =
            ChildJvm.builder("dev.monitor.demo.DemoService")
                .property("monitor.alerts.interval", "250ms")
                .property("monitor.alerts.db-pool-usage.for", "1s")
                .property("monitor.alerts.db-query-p95.for", "0s")
                .property("monitor.alerts.db-query-p95.severity", "critical")
                .property("monitor.alerts.cpu.enabled", "false")
                .property("monitor.alerts.webhook.url", webhook.url())
                .start()) {
      assertEquals("INACTIVE", alert(app, "db-pool-usage").get("state").asText());
      // the pool holds 5: five 2.5 s queries at once keep every connection in use
      ExecutorService clients = Executors.newFixedThreadPool(5);
      try {
        List<Future<Integer>> slow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          slow.add(clients.submit(() -> app.app("/api/db/report?ms=2500").statusCode()));
        }
        assertEquals("FIRING", awaitState(app, "db-pool-usage", "FIRING", 2_400));
        assertEquals(1.0, alert(app, "db-pool-usage").get("valueAtFiring").asDouble(), 1e-9);
        for (Future<Integer> f : slow) {
          assertEquals(200, f.get());
        }
      } finally {
        clients.shutdown();
      }
      // the five 2.5 s queries are the last minute's database p95: above 0.5 s
      assertEquals("FIRING", awaitState(app, "db-query-p95", "FIRING", 2_000));
      JsonNode query = alert(app, "db-query-p95");
      assertEquals("critical", query.get("severity").asText());
      assertTrue(query.get("value").asDouble() >= 2.4, query.toString());
      assertEquals("INACTIVE", awaitState(app, "db-pool-usage", "INACTIVE", 2_000));
      assertTrue(alert(app, "db-pool-usage").has("resolvedAt"));
      Scrape scrape = app.scrape();
      assertEquals(1, scrape.value("monitor_alert_firing", "alert", "db-query-p95", "severity", "critical"));
      assertEquals(0, scrape.value("monitor_alert_firing", "alert", "db-pool-usage", "severity", "warning"));
      assertEquals(10, scrape.samples.stream().filter(s -> s.name.equals("monitor_alert_firing")).count(),
          "cpu is disabled and not listed");
      assertEquals(200, app.monitor("/health/live").statusCode());

      JsonNode pool = webhook.await("db-pool-usage firing", WebhookReceiver.event("db-pool-usage", "firing"), 2_000);
      assertEquals(1.0, pool.get("value").asDouble(), 1e-9);
      assertEquals(0.8, pool.get("threshold").asDouble());
      JsonNode slow = webhook.await("db-query-p95 firing", WebhookReceiver.event("db-query-p95", "firing"), 2_000);
      assertEquals("critical", slow.get("severity").asText());
      assertTrue(slow.get("value").asDouble() >= 2.4, slow.toString());
      assertTrue(slow.get("text").asText().startsWith("[FIRING] db-query-p95 (critical)"), slow.toString());
      JsonNode poolResolved = webhook.await("db-pool-usage resolved", WebhookReceiver.event("db-pool-usage", "resolved"), 2_000);
      assertTrue(poolResolved.get("value").asDouble() < 0.8, poolResolved.toString());
    }
  }

  /**
   * A receiver that answers 503 twice gets the same POST a third time after the backoff; one
   * that is down costs the service nothing: every request is answered, and the agent says once
   * that the notification was dropped, without the URL's secret path.
   */
  @Test
  void aFailingWebhookIsRetriedAndADownOneNeverTouchesTheService() throws Exception {
    try (WebhookReceiver webhook = WebhookReceiver.answering(503, 503, 200);
        ChildJvm app =
            ChildJvm.builder("dev.monitor.demo.DemoService")
                .property("monitor.alerts.interval", "250ms")
                .property("monitor.alerts.error-rate.for", "0s")
                .property("monitor.alerts.error-rate.window", "10s")
                .property("monitor.alerts.webhook.url", webhook.url())
                .start()) {
      assertEquals(10.0, alert(app, "error-rate").get("windowSeconds").asDouble());
      // the healthy request first: were the failed one first, an evaluation between the two could
      // leave the 10 s window below with the healthy request alone (0, not "no data")
      assertEquals(200, app.app("/api/hello").statusCode());
      assertEquals(500, app.app("/api/fail").statusCode());
      webhook.await("error-rate firing", WebhookReceiver.event("error-rate", "firing"), 3_000);
      // 1 s and 2 s of backoff before the third attempt
      for (long deadline = System.currentTimeMillis() + 8_000; webhook.posts.size() < 3 && System.currentTimeMillis() < deadline; ) {
        Thread.sleep(100);
      }
      assertEquals(3, webhook.posts.size(), webhook.bodies());
      assertEquals(webhook.posts.get(0).body, webhook.posts.get(2).body);
      assertEquals(1, awaitNotifications(app, "sent", 1, 2_000));
      assertEquals(0, awaitNotifications(app, "failed", 0, 0));
      // a 10 s window: with no request since, the alert resolves (a 1 m window would keep it firing)
      assertEquals("INACTIVE", awaitState(app, "error-rate", "INACTIVE", 15_000));
      JsonNode resolved = webhook.await("error-rate resolved", WebhookReceiver.event("error-rate", "resolved"), 3_000);
      assertTrue(resolved.get("value").isNull(), resolved.toString());
      assertEquals(10.0, resolved.get("windowSeconds").asDouble());
    }

    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.alerts.interval", "250ms")
            .property("monitor.alerts.error-rate.for", "0s")
            .property("monitor.alerts.webhook.url", "http://127.0.0.1:" + closed + "/services/T0/B0/secret")
            .property("monitor.alerts.webhook.retries", "1")
            .property("monitor.alerts.webhook.timeout", "500ms")
            .start()) {
      assertEquals(500, app.app("/api/fail").statusCode());
      assertEquals("FIRING", awaitState(app, "error-rate", "FIRING", 2_000));
      for (int i = 0; i < 50; i++) {
        assertEquals(200, app.app("/api/hello").statusCode());
      }
      assertEquals(1, awaitNotifications(app, "failed", 1, 5_000));
      String out = app.output();
      assertTrue(out.contains("could not post alert error-rate firing to http://127.0.0.1:" + closed + " (ConnectException"), out);
      assertTrue(out.contains("2 attempts); it is dropped"), out);
      assertFalse(out.contains("secret"), out);
      assertEquals(200, app.monitor("/health/live").statusCode());
    }
  }

  @Test
  void badAlertSettingsWarnAndKeepTheDefaults() throws Exception {
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.alerts.error-rate.threshold", "five")
            .property("monitor.alerts.memory.severity", "page-me")
            .property("monitor.alerts.no-such-rule.threshold", "1")
            .property("monitor.alerts.webhook.url", "slack")
            .property("monitor.alerts.memory.window", "5m")
            .property("monitor.alerts.rate-limited.window", "1s")
            .start()) {
      JsonNode errorRate = alert(app, "error-rate");
      assertEquals(0.05, errorRate.get("threshold").asDouble());
      assertEquals(300.0, errorRate.get("forSeconds").asDouble());
      assertEquals("warning", alert(app, "memory").get("severity").asText());
      String out = app.output();
      assertTrue(out.contains("monitor.alerts.error-rate.threshold='five' is not a number"), out);
      assertTrue(out.contains("monitor.alerts.memory.severity='page-me' is not warning or critical"), out);
      assertTrue(out.contains("unknown setting system property monitor.alerts.no-such-rule.threshold"), out);
      assertTrue(out.contains("monitor.alerts.webhook.url='slack' is not an http or https URL; alerts are not posted anywhere"), out);
      assertTrue(out.contains("monitor.alerts.memory.window is ignored: rule memory judges a figure as it is now"), out);
      assertTrue(out.contains("monitor.alerts.rate-limited.window='1s' is not a duration from 10s to 24h"), out);
      assertEquals(60.0, alert(app, "rate-limited").get("windowSeconds").asDouble());
      assertTrue(alert(app, "memory").path("windowSeconds").isMissingNode());
    }
  }
}
