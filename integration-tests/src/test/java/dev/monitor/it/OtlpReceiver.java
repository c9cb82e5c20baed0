package dev.monitor.it;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP receiver for tests, over HTTP ({@code POST /v1/metrics}, bodies parsed with the official
 * {@code io.opentelemetry.proto} classes, gzip or not) or over gRPC (a grpc-java server running
 * the proto jar's {@code MetricsService}); requests are kept in order with their headers. It can
 * refuse (503, or gRPC UNAVAILABLE), answer garbage (HTTP), and be stopped and started again on
 * the same port.
 */
final class OtlpReceiver implements AutoCloseable {

  /** What the receiver answers. */
  enum Mode {
    OK,
    UNAVAILABLE,
    GARBAGE,
    /** Answers after 3 s: slower than the agent's export timeout in the tests. */
    SLOW
  }

  /** One export as received. */
  static final class Received {
    final ExportMetricsServiceRequest request;
    final Map<String, String> headers;

    Received(ExportMetricsServiceRequest request, Map<String, String> headers) {
      this.request = request;
      this.headers = headers;
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.OK;
  private volatile int port;
  private HttpServer server;
  private final boolean grpc;
  private io.grpc.Server grpcServer;

  private OtlpReceiver(boolean grpc) {
    this.grpc = grpc;
  }

  static OtlpReceiver started() throws IOException {
    OtlpReceiver receiver = new OtlpReceiver(false);
    receiver.start(0);
    return receiver;
  }

  static OtlpReceiver startedGrpc() throws IOException {
    OtlpReceiver receiver = new OtlpReceiver(true);
    receiver.start(0);
    return receiver;
  }

  int port() {
    return port;
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void start(int onPort) throws IOException {
    if (grpc) {
      grpcServer = OtlpGrpcService.server(onPort, this);
      port = grpcServer.getPort();
      return;
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
    server.createContext(
        "/v1/metrics",
        exchange -> {
          try (InputStream raw = exchange.getRequestBody()) {
            byte[] body = raw.readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
              body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Mode now = mode;
            if (now == Mode.SLOW) {
              try {
                Thread.sleep(3_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            if (now == Mode.UNAVAILABLE) {
              exchange.sendResponseHeaders(503, -1);
              return;
            }
            received.add(new Received(ExportMetricsServiceRequest.parseFrom(body), headers));
            byte[] answer =
                now == Mode.GARBAGE ? new byte[] {(byte) 0xff, 0x01, 0x02} : ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(answer);
            }
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    port = server.getAddress().getPort();
  }

  synchronized void stop() {
    if (grpcServer != null) {
      grpcServer.shutdownNow();
      try {
        grpcServer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      grpcServer = null;
    }
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** The metric of that name in the latest export that has it, or null. */
  Metric latest(String name) {
    List<Received> all = new ArrayList<>(received);
    for (int i = all.size() - 1; i >= 0; i--) {
      for (ResourceMetrics rm : all.get(i).request.getResourceMetricsList()) {
        for (ScopeMetrics sm : rm.getScopeMetricsList()) {
          for (Metric m : sm.getMetricsList()) {
            if (m.getName().equals(name)) {
              return m;
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * In the latest export of {@code http.server.request.duration}, the point of {@code route}
   * (status 200) whose count is {@code count}; null until there is one.
   */
  io.opentelemetry.proto.metrics.v1.HistogramDataPoint routePoint(String route, long count) {
    Metric metric = latest("http.server.request.duration");
    if (metric == null) {
      return null;
    }
    for (io.opentelemetry.proto.metrics.v1.HistogramDataPoint p : metric.getHistogram().getDataPointsList()) {
      Map<String, String> a = OtlpExportScenario.attributes(p.getAttributesList());
      if (route.equals(a.get("http.route")) && "200".equals(a.get("http.response.status_code")) && p.getCount() == count) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void close() {
    stop();
  }
}
