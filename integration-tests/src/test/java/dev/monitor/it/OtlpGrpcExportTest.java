package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The same export over gRPC to a real grpc-java server (plaintext HTTP/2, the collector's port
 * 4317), and one far wider than HTTP/2's flow-control window.
 */
class OtlpGrpcExportTest extends OtlpExportScenario {

  @Override
  OtlpReceiver startReceiver() throws Exception {
    return OtlpReceiver.startedGrpc();
  }

  @Override
  String protocol() {
    return "grpc";
  }

  @Override
  String compressionHeader() {
    return "grpc-encoding";
  }

  /**
   * An export far larger than HTTP/2's first flow-control window (64 KiB) and frame size (16 KiB),
   * uncompressed: the call must wait for the server's window updates and still arrive whole.
   */
  @Test
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
      await(
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
}
