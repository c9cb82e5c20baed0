package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo under the agent exporting OTLP every second to a receiver of the test's own, over one
 * protocol (a subclass each: OTLP/HTTP and gRPC): the histogram it receives matches the traffic and
 * {@code /metrics} bucket for bucket; headers, gzip and the resource arrive; a collector that is
 * down, then back, or that refuses for a while, costs one warning and gets every request after.
 * Each test has a fresh receiver and application.
 */
abstract class OtlpExportScenario {

  static final String DURATION = "http.server.request.duration";
  static final String USERS = "/api/users/{id}";

  OtlpReceiver receiver;
  ChildJvm app;

  abstract OtlpReceiver startReceiver() throws Exception;

  /** {@code http/protobuf} or {@code grpc}. */
  abstract String protocol();

  /** The header that says the body is gzipped. */
  abstract String compressionHeader();

  /** How long one export may take: a stopped receiver can leave a connection that never answers. */
  String timeout() {
    return "2s";
  }

  @BeforeEach
  void start() throws Exception {
    receiver = startReceiver();
    app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.otlp.endpoint", receiver.endpoint())
            .property("monitor.otlp.protocol", protocol())
            .property("monitor.otlp.interval", "1s")
            .property("monitor.otlp.headers", "api-key=s3cret,tenant=blue")
            .property("monitor.otlp.timeout", timeout())
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  HistogramDataPoint usersPoint(long count) {
    return receiver.routePoint(USERS, count);
  }

  @Test
  void exportsTheHistogramThatMetricsShowsBucketForBucket() throws Exception {
    for (int i = 1; i <= 3; i++) {
      assertEquals(200, app.app("/api/users/" + i).statusCode());
    }
    assertEquals(500, app.app("/api/fail").statusCode());
    HistogramDataPoint point = await(() -> usersPoint(3), "3 requests exported");
    Metric metric = receiver.latest(DURATION);
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, metric.getHistogram().getAggregationTemporality());
    assertEquals("s", metric.getUnit());

    Scrape scrape = app.scrape();
    String[] labels = {"http_route", USERS, "http_response_status_code", "200"};
    assertEquals(scrape.value("http_server_request_duration_seconds_count", labels), point.getCount());
    assertEquals(scrape.value("http_server_request_duration_seconds_sum", labels), point.getSum(), 1e-9);
    long cumulative = 0;
    for (int i = 0; i < point.getExplicitBoundsCount(); i++) {
      cumulative += point.getBucketCounts(i);
      double bound = point.getExplicitBounds(i);
      assertEquals(bucket(scrape, bound), cumulative, "bucket le=" + bound);
    }
    assertEquals(point.getCount(), cumulative + point.getBucketCounts(point.getExplicitBoundsCount()));
    assertEquals(0.005, point.getExplicitBounds(0), 1e-12, "semantic-convention advice boundaries");
    assertTrue(point.getStartTimeUnixNano() < point.getTimeUnixNano());

    OtlpReceiver.Received last = receiver.received.get(receiver.received.size() - 1);
    assertEquals("s3cret", last.headers.get("api-key"));
    assertEquals("blue", last.headers.get("tenant"));
    assertEquals("gzip", last.headers.get(compressionHeader()));
    Map<String, String> resource = attributes(last.request.getResourceMetrics(0).getResource().getAttributesList());
    assertEquals("DemoService", resource.get("service.name"), resource.toString());
    assertEquals(String.valueOf(app.pid()), resource.get("process.pid"), resource.toString());
    assertNotNull(resource.get("service.instance.id"));
    assertNotNull(resource.get("host.name"));
    assertNotNull(resource.get("process.runtime.version"));
    assertEquals("monitor", resource.get("telemetry.sdk.name"));
    List<String> scopes = new ArrayList<>();
    for (io.opentelemetry.proto.metrics.v1.ScopeMetrics sm : last.request.getResourceMetrics(0).getScopeMetricsList()) {
      scopes.add(sm.getScope().getName() + sm.getMetricsList().stream().map(Metric::getName).collect(Collectors.toList()));
    }
    assertEquals(1, scopes.size(), scopes.toString());
    assertEquals("dev.monitor", last.request.getResourceMetrics(0).getScopeMetrics(0).getScope().getName(), scopes.toString());
  }

  @Test
  void aCollectorThatIsDownThenBackGetsDataAgain() throws Exception {
    assertEquals(200, app.app("/api/users/1").statusCode());
    await(() -> usersPoint(1), "the first request exported");
    int port = receiver.port();
    receiver.stop();
    Thread.sleep(3_000); // three intervals without a collector
    for (int i = 0; i < 2; i++) {
      assertEquals(200, app.app("/api/users/9").statusCode());
    }
    receiver.start(port);
    await(() -> usersPoint(3), "3 requests exported after the collector came back");
    awaitLog("works again", 1);
    assertEquals(1, ChildJvm.occurrences(app.output(), "failed ("), app.output());
  }

  @Test
  void aRefusingCollectorCostsOneWarningAndNoRequest() throws Exception {
    receiver.mode = OtlpReceiver.Mode.UNAVAILABLE; // 503, or gRPC's UNAVAILABLE
    int before = receiver.received.size();
    for (int i = 0; i < 20; i++) {
      assertEquals(200, app.app("/api/users/" + i).statusCode());
      Thread.sleep(150);
    }
    assertEquals(before, receiver.received.size(), "nothing accepted while refusing");
    awaitLog("failed (", 1);
    receiver.mode = OtlpReceiver.Mode.OK;
    await(() -> usersPoint(20), "the requests made during the outage, exported after it");
    awaitLog("works again", 1);
    assertEquals(1, ChildJvm.occurrences(app.output(), "failed ("), app.output());
  }

  static <T> T await(Supplier<T> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      T value = condition.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** Waits until the agent's log says {@code part} exactly {@code times} times (and not more). */
  void awaitLog(String part, int times) throws Exception {
    await(() -> {
      try {
        return ChildJvm.occurrences(app.output(), part) >= times ? Boolean.TRUE : null;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, "'" + part + "' in the log " + times + " times");
    assertEquals(times, ChildJvm.occurrences(app.output(), part), app.output());
  }

  static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> out = new HashMap<>();
    for (KeyValue kv : list) {
      out.put(kv.getKey(), kv.getValue().hasIntValue() ? Long.toString(kv.getValue().getIntValue()) : kv.getValue().getStringValue());
    }
    return out;
  }

  static double bucket(Scrape scrape, double le) {
    for (Scrape.Sample s : scrape.samples) {
      if (s.name.equals("http_server_request_duration_seconds_bucket")
          && USERS.equals(s.labels.get("http_route"))
          && "200".equals(s.labels.get("http_response_status_code"))
          && Double.parseDouble(s.labels.get("le")) == le) {
        return s.value;
      }
    }
    return Double.NaN;
  }
}
