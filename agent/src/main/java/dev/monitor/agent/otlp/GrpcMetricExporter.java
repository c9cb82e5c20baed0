package dev.monitor.agent.otlp;

import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * OTLP over gRPC without a gRPC library: the SDK's own marshaller writes the
 * {@code ExportMetricsServiceRequest}, which goes out as one unary call
 * ({@code opentelemetry.proto.collector.metrics.v1.MetricsService/Export}) on
 * {@link H2UnaryCall}, gzip-compressed unless compression is {@code none}. Runs on the export
 * thread; the result is complete when the call returns.
 */
final class GrpcMetricExporter implements MetricExporter {

  static final String PATH = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

  private final H2UnaryCall call;
  private final Map<String, String> headers;
  private final boolean gzip;

  GrpcMetricExporter(String endpoint, Map<String, String> headers, boolean gzip, int timeoutMillis) {
    URI uri = URI.create(endpoint);
    boolean tls = "https".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 4317;
    this.call = new H2UnaryCall(tls, uri.getHost(), port, timeoutMillis);
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (gzip) {
      all.put("grpc-encoding", "gzip");
    }
    this.headers = all;
    this.gzip = gzip;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    try {
      call.call(PATH, headers, framed(metrics));
      return CompletableResultCode.ofSuccess();
    } catch (IOException | RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  /** The gRPC message: a compressed flag, its length, then the (maybe gzipped) protobuf. */
  private byte[] framed(Collection<MetricData> metrics) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    MetricsRequestMarshaler request = MetricsRequestMarshaler.create(metrics);
    if (gzip) {
      try (GZIPOutputStream zipped = new GZIPOutputStream(body)) {
        request.writeBinaryTo(zipped);
      }
    } else {
      request.writeBinaryTo(body);
    }
    byte[] bytes = body.toByteArray();
    ByteArrayOutputStream message = new ByteArrayOutputStream(bytes.length + 5);
    message.write(gzip ? 1 : 0);
    message.write(bytes.length >>> 24);
    message.write(bytes.length >>> 16);
    message.write(bytes.length >>> 8);
    message.write(bytes.length);
    message.write(bytes, 0, bytes.length);
    return message.toByteArray();
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE; // the bridge decides; this only concerns SDK instruments
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
