package dev.monitor.agent.otlp;

import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.config.Settings;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.MetricRegistry;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OTLP export of every metric, with the OpenTelemetry SDK (shaded): a periodic reader every
 * {@code monitor.otlp.interval} asks {@link MetricBridge} for the core's metrics and hands them to
 * the OTLP exporter (HTTP/protobuf through the JDK's HttpClient, or gRPC through
 * {@link GrpcMetricExporter}) on its own daemon thread, so a request thread never waits for a collector.
 * Nothing of the SDK is loaded unless an endpoint is set. On JVM shutdown the last interval is
 * flushed within {@link #SHUTDOWN_SECONDS}.
 */
public final class OtlpExport {

  static final int SHUTDOWN_SECONDS = 5;

  /**
   * The SDK logs every failed export (throttled, but still many lines); {@link ReportingExporter}
   * says it once instead. Held here because java.util.logging keeps loggers weakly.
   */
  private static Logger sdkLogger;

  private final SdkMeterProvider provider;
  private final ReportingExporter exporter;

  private OtlpExport(SdkMeterProvider provider, ReportingExporter exporter) {
    this.provider = provider;
    this.exporter = exporter;
  }

  /** Starts export when an endpoint is set; null when none is, or when it cannot start. */
  public static OtlpExport start(
      Settings settings, MetricRegistry registry, Map<String, String> resource, String agentVersion) {
    if (settings.otlpEndpoint == null) {
      return null;
    }
    try {
      String endpoint = settings.otlpEndpoint.trim();
      if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
        AgentLog.warn(
            "monitor.otlp.endpoint=" + endpoint + " is not an http:// or https:// URL; metrics are not exported");
        return null;
      }
      quietSdkLogging();
      boolean grpc = "grpc".equals(settings.otlpProtocol);
      String url = grpc ? endpoint : metricsUrl(endpoint);
      MetricExporter transport =
          grpc
              ? new GrpcMetricExporter(
                  endpoint, settings.otlpHeaders, "gzip".equals(settings.otlpCompression),
                  (int) Math.min(Integer.MAX_VALUE, settings.otlpTimeout.toMillis()))
              : httpExporter(settings, url);
      ReportingExporter exporter = new ReportingExporter(transport, url);
      long startNanos = System.currentTimeMillis() * 1_000_000L;
      PeriodicMetricReader reader =
          PeriodicMetricReader.builder(exporter)
              .setInterval(settings.otlpInterval)
              .setExecutor(Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("monitor-otlp")))
              .build();
      SdkMeterProvider provider =
          SdkMeterProvider.builder()
              .setResource(OtlpResource.build(resource))
              .registerMetricReader(reader)
              .registerMetricProducer(
                  new MetricBridge(registry, agentVersion, startNanos, "delta".equals(settings.otlpTemporality)))
              .build();
      OtlpExport export = new OtlpExport(provider, exporter);
      Runtime.getRuntime().addShutdownHook(new Thread(export::shutdown, "monitor-otlp-shutdown"));
      AgentLog.info(
          "exporting metrics to " + url + " every " + settings.otlpInterval.toMillis() / 1000.0 + " s"
              + " (" + settings.otlpProtocol + ", " + settings.otlpTemporality + ", " + settings.otlpCompression + ")");
      return export;
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warn("OTLP export cannot start; metrics are served on /metrics only", e);
      return null;
    }
  }

  /** The signal URL: a base endpoint (OTLP's {@code http://collector:4318}) gets {@code /v1/metrics}. */
  static String metricsUrl(String endpoint) {
    if (endpoint.endsWith("/v1/metrics")) {
      return endpoint;
    }
    return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + "/v1/metrics";
  }

  private static MetricExporter httpExporter(Settings settings, String url) {
    OtlpHttpMetricExporterBuilder builder =
        OtlpHttpMetricExporter.builder()
            .setEndpoint(url)
            .setTimeout(settings.otlpTimeout)
            .setCompression(settings.otlpCompression);
    for (Map.Entry<String, String> header : settings.otlpHeaders.entrySet()) {
      builder.addHeader(header.getKey(), header.getValue());
    }
    return builder.build();
  }

  private static synchronized void quietSdkLogging() {
    if (sdkLogger == null) {
      String name = MetricExporter.class.getName();
      sdkLogger = Logger.getLogger(name.substring(0, name.indexOf("io.opentelemetry.") + "io.opentelemetry".length()));
      sdkLogger.setLevel(Level.OFF);
    }
  }

  /** Exports that reached the collector, and those that did not. */
  public long exported() {
    return exporter.exported.get();
  }

  public long failed() {
    return exporter.failed.get();
  }

  /** Flushes the last interval and stops, waiting {@link #SHUTDOWN_SECONDS} at most. */
  void shutdown() {
    provider.shutdown().join(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
  }
}
