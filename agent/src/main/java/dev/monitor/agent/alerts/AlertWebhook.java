package dev.monitor.agent.alerts;

import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.config.WebhookSettings;
import dev.monitor.agent.json.Json;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.CallbackMetric;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts each alert that fires or resolves to {@code monitor.alerts.webhook.url} as JSON, with a
 * Slack-compatible {@code text} field, from one daemon thread of its own: the evaluation only
 * puts the event in a bounded queue (full: the event is dropped and counted), so a receiver that
 * is down or slow never holds up the evaluation, let alone a request. Each POST has the timeout;
 * a refused or timed-out POST, or an answer of 408, 429 or 5xx, is tried again after 1 s, 2 s,
 * 4 s... (at most 30 s) up to the retries; any other answer is final.
 */
public final class AlertWebhook {

  static final int QUEUE_CAPACITY = 100;
  static final long MAX_BACKOFF_MILLIS = 30_000;

  private final WebhookSettings settings;
  private final String service;
  private final String instance;
  private final long firstBackoffMillis;
  private final int capacity;
  private final BlockingQueue<AlertEvent> queue;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();

  AlertWebhook(WebhookSettings settings, String service, int capacity, long firstBackoffMillis) {
    this.settings = settings;
    this.service = service;
    this.instance = ManagementFactory.getRuntimeMXBean().getName();
    this.firstBackoffMillis = firstBackoffMillis;
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Starts the sender thread and registers {@code monitor.alert.notifications}. */
  public static AlertWebhook start(WebhookSettings settings, String service, MetricRegistry registry) {
    AlertWebhook webhook = new AlertWebhook(settings, service, QUEUE_CAPACITY, 1_000);
    webhook.startSender();
    registry.register(
        new CallbackMetric(
            "monitor.alert.notifications",
            "Alert notifications posted to the webhook, by outcome: sent, failed (after every retry) or dropped (queue full).",
            "{notification}",
            MetricFamily.Kind.COUNTER,
            webhook::readCounts));
    AgentLog.info(
        "alerts are posted to " + settings.safeUrl() + " (timeout " + settings.timeout.toMillis()
            + " ms, " + settings.retries + " retries)");
    return webhook;
  }

  void startSender() {
    DaemonThreads.named("monitor-alert-webhook").newThread(this::sendForever).start();
  }

  /** Never blocks: the caller is the evaluation. */
  void offer(AlertEvent event) {
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
      AgentLog.warnOnce(
          "webhook queue",
          "the alert webhook's queue is full (" + capacity + " waiting): alert " + event.rule.name
              + " is not posted; is " + settings.safeUrl() + " down?",
          null);
    }
  }

  private void sendForever() {
    try {
      while (true) {
        deliver(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Posts one event, retrying as the class says; true once the receiver took it. */
  boolean deliver(AlertEvent event) throws InterruptedException {
    byte[] body = Json.write(payload(event)).getBytes(StandardCharsets.UTF_8);
    String outcome;
    int attempts = 0;
    long backoff = firstBackoffMillis;
    while (true) {
      attempts++;
      boolean again;
      try {
        int status = post(body);
        if (status >= 200 && status < 300) {
          sent.incrementAndGet();
          AgentLog.debug("posted alert " + event.rule.name + " " + status(event) + " to " + settings.safeUrl());
          return true;
        }
        outcome = "answered " + status;
        again = status == 408 || status == 429 || status >= 500;
      } catch (IOException | RuntimeException e) {
        outcome = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        again = true;
      }
      if (!again || attempts > settings.retries) {
        break;
      }
      Thread.sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
    failed.incrementAndGet();
    AgentLog.warn(
        "could not post alert " + event.rule.name + " " + status(event) + " to " + settings.safeUrl()
            + " (" + outcome + ", " + attempts + (attempts == 1 ? " attempt" : " attempts") + "); it is dropped");
    return false;
  }

  private int post(byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(settings.url).openConnection();
    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout.toMillis());
    connection.setConnectTimeout(timeout);
    connection.setReadTimeout(timeout);
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setInstanceFollowRedirects(false);
    connection.setFixedLengthStreamingMode(body.length);
    connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
    connection.setRequestProperty("User-Agent", "monitor-agent");
    for (Map.Entry<String, String> header : settings.headers.entrySet()) {
      connection.setRequestProperty(header.getKey(), header.getValue());
    }
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    int status = connection.getResponseCode();
    // read the answer to its end so the connection can be kept alive for the next POST
    InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    if (answer != null) {
      try (InputStream in = answer) {
        byte[] skip = new byte[1024];
        while (in.read(skip) >= 0) {
          // discard
        }
      }
    }
    return status;
  }

  private static String status(AlertEvent event) {
    return event.status == AlertEvent.Status.FIRING ? "firing" : "resolved";
  }

  /** The JSON body: Slack's {@code text}, and every field a receiver may route on. */
  Map<String, Object> payload(AlertEvent event) {
    AlertRule rule = event.rule;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", text(event));
    out.put("status", status(event));
    out.put("alert", rule.name);
    out.put("severity", rule.severity);
    out.put("description", rule.description);
    out.put("value", event.value == null ? null : Alert.round(event.value));
    out.put("threshold", rule.threshold);
    out.put("unit", rule.unit);
    out.put("forSeconds", rule.forDuration.toMillis() / 1000.0);
    if (rule.window != null) {
      out.put("windowSeconds", rule.window.toMillis() / 1000.0);
    }
    out.put("firedAt", Instant.ofEpochMilli(event.firedAtMillis).toString());
    if (event.status == AlertEvent.Status.RESOLVED) {
      out.put("resolvedAt", Instant.ofEpochMilli(event.resolvedAtMillis).toString());
    }
    out.put("service", service);
    out.put("instance", instance);
    return out;
  }

  private String text(AlertEvent event) {
    AlertRule rule = event.rule;
    String value = event.value == null ? "no data" : Alert.round(event.value) + " " + rule.unit;
    if (event.status == AlertEvent.Status.FIRING) {
      return "[FIRING] " + rule.name + " (" + rule.severity + ") on " + service + ": " + value + " above "
          + rule.threshold + " for " + rule.forDuration.getSeconds() + " s. " + rule.description;
    }
    return "[RESOLVED] " + rule.name + " (" + rule.severity + ") on " + service + ": now " + value
        + ", threshold " + rule.threshold + "; it fired at " + Instant.ofEpochMilli(event.firedAtMillis) + ".";
  }

  private void readCounts(List<MetricPoint> points) {
    String[] keys = {"outcome"};
    points.add(new MetricPoint(keys, new String[] {"sent"}, sent.get()));
    points.add(new MetricPoint(keys, new String[] {"failed"}, failed.get()));
    points.add(new MetricPoint(keys, new String[] {"dropped"}, dropped.get()));
  }
}
