package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same export over gRPC to a real grpc-java server: plaintext HTTP/2 (the collector's port
 * 4317), gzip, headers; the histogram matches {@code /metrics}; a server refusing with
 * UNAVAILABLE, then stopped and back, costs one warning per outage and gets data again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtlpGrpcExportTest {

  OtlpReceiver receiver;
  ChildJvm app;

  @BeforeAll
  void start() throws Exception {
    receiver = OtlpReceiver.startedGrpc();
    app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.exporter.otlp.protocol", "grpc")
            .property("monitor.otlp.interval", "1s")
            .property("monitor.otlp.timeout", "2s")
            .property("monitor.otlp.headers", "api-key=s3cret")
            .start();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  HistogramDataPoint usersPoint(long count) {
    return receiver.routePoint(OtlpExportTest.USERS, count);
  }


  @Test
  @Order(10)
  void exportsOverGrpcWhatMetricsShows() throws Exception {
    for (int i = 1; i <= 3; i++) {
      assertEquals(200, app.app("/api/users/" + i).statusCode());
    }
    HistogramDataPoint point = OtlpExportTest.await(() -> usersPoint(3), "3 requests exported over gRPC");
    Scrape scrape = app.scrape();
    assertEquals(scrape.value("http_server_request_duration_seconds_sum", "http_route", OtlpExportTest.USERS), point.getSum(), 1e-9);
    long cumulative = 0;
    for (int i = 0; i < point.getExplicitBoundsCount(); i++) {
      cumulative += point.getBucketCounts(i);
      assertEquals(OtlpExportTest.bucket(scrape, point.getExplicitBounds(i)), cumulative);
    }
    OtlpReceiver.Received last = receiver.received.get(receiver.received.size() - 1);
    assertEquals("s3cret", last.headers.get("api-key"));
    assertEquals("gzip", last.headers.get("grpc-encoding"));
    assertEquals("DemoService", OtlpExportTest.attributes(last.request.getResourceMetrics(0).getResource().getAttributesList()).get("service.name"));
  }

  /**
   * An export far larger than HTTP/2's first flow-control window (64 KiB) and frame size (16 KiB),
   * uncompressed: the call must wait for the server's window updates and still arrive whole.
   */
  @Test
  @Order(30)
  void aWideUncompressedExportCrossesTheFlowControlWindow() throws Exception {
    try (OtlpReceiver wide = OtlpReceiver.startedGrpc();
        ChildJvm jdbc =
            ChildJvm.builder("dev.monitor.it.apps.JdbcApp")
                .property("jdbc.url", "jdbc:h2:mem:wide;DB_CLOSE_DELAY=-1")
                .property("monitor.otlp.endpoint", wide.endpoint())
                .property("monitor.otlp.protocol", "grpc")
                .property("monitor.otlp.compression", "none")
                .property("monitor.otlp.interval", "1s")
                .property("monitor.metrics.series-limit", "2000")
                .start()) {
      assertEquals("tables 500", jdbc.app("/tables?n=500").body().trim());
      OtlpExportTest.await(
          () -> {
            io.opentelemetry.proto.metrics.v1.Metric m = wide.latest("db.client.operation.duration");
            return m != null && m.getHistogram().getDataPointsCount() >= 1000 ? Boolean.TRUE : null;
          },
          "an export with 1000 database series");
      OtlpReceiver.Received last = wide.received.get(wide.received.size() - 1);
      org.junit.jupiter.api.Assertions.assertTrue(
          last.request.getSerializedSize() > 4 * 65_535, "size " + last.request.getSerializedSize());
      org.junit.jupiter.api.Assertions.assertNull(last.headers.get("grpc-encoding"));
    }
  }

  @Test
  @Order(20)
  void anUnavailableThenStoppedCollectorCostsOneWarningAndGetsDataAgain() throws Exception {
    receiver.mode = OtlpReceiver.Mode.UNAVAILABLE;
    for (int i = 0; i < 2; i++) {
      assertEquals(200, app.app("/api/users/7").statusCode());
    }
    OtlpExportTest.await(() -> app.outputContains("failed (") ? Boolean.TRUE : null, "the warning");
    int port = receiver.port();
    receiver.stop();
    Thread.sleep(2_500);
    receiver.mode = OtlpReceiver.Mode.OK;
    receiver.start(port);
    OtlpExportTest.await(() -> usersPoint(5), "5 requests exported after the outage");
    OtlpExportTest.await(() -> app.outputContains("works again") ? Boolean.TRUE : null, "the recovery line");
    assertEquals(1, ChildJvm.occurrences(app.output(), "failed ("), app.output());
  }
}
