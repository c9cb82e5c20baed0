package dev.monitor.it;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gRPC side of {@link OtlpReceiver}: a real grpc-java server with the OTLP metrics service. */
final class OtlpGrpcService extends MetricsServiceGrpc.MetricsServiceImplBase {

  private static final Context.Key<Map<String, String>> HEADERS = Context.key("headers");

  private final OtlpReceiver receiver;

  private OtlpGrpcService(OtlpReceiver receiver) {
    this.receiver = receiver;
  }

  static io.grpc.Server server(int port, OtlpReceiver receiver) throws IOException {
    ServerInterceptor headers =
        new ServerInterceptor() {
          @Override
          public <Q, A> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, A> call, Metadata metadata, ServerCallHandler<Q, A> next) {
            Map<String, String> map = new ConcurrentHashMap<>();
            for (String key : metadata.keys()) {
              if (!key.endsWith("-bin")) {
                String value = metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
                if (value != null) {
                  map.put(key, value);
                }
              }
            }
            return Contexts.interceptCall(Context.current().withValue(HEADERS, map), call, metadata, next);
          }
        };
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(ServerInterceptors.intercept(new OtlpGrpcService(receiver), headers))
        .build()
        .start();
  }

  @Override
  public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> response) {
    if (receiver.mode == OtlpReceiver.Mode.UNAVAILABLE) {
      response.onError(Status.UNAVAILABLE.withDescription("refusing on purpose").asRuntimeException());
      return;
    }
    receiver.received.add(new OtlpReceiver.Received(request, HEADERS.get()));
    response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
    response.onCompleted();
  }
}
