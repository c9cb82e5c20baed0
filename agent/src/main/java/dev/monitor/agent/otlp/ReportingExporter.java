package dev.monitor.agent.otlp;

import dev.monitor.agent.log.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the OTLP exporter so that a collector that is down, slow or answering errors costs one
 * warning, not one per export, and its return one line: the SDK's own per-failure logging is
 * switched off ({@link OtlpExport}). Failed and successful exports are counted for
 * {@code /metrics.json}. Called on the export thread; the counters are read anywhere.
 */
final class ReportingExporter implements MetricExporter {

  private final MetricExporter delegate;
  private final String endpoint;
  private final AtomicBoolean failing = new AtomicBoolean();
  final AtomicLong exported = new AtomicLong();
  final AtomicLong failed = new AtomicLong();

  ReportingExporter(MetricExporter delegate, String endpoint) {
    this.delegate = delegate;
    this.endpoint = endpoint;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    CompletableResultCode result;
    try {
      result = delegate.export(onlyOurs(metrics));
    } catch (RuntimeException e) {
      failed(e);
      return CompletableResultCode.ofFailure();
    }
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            exported.incrementAndGet();
            if (failing.compareAndSet(true, false)) {
              AgentLog.info("OTLP export to " + endpoint + " works again");
            }
          } else {
            failed(result.getFailureThrowable());
          }
        });
    return result;
  }

  /**
   * The agent's metrics only: the SDK also reports on itself (how long a collection took), under
   * its relocated package name, which would only puzzle a reader of the collector's data.
   */
  private static Collection<MetricData> onlyOurs(Collection<MetricData> metrics) {
    java.util.List<MetricData> ours = new java.util.ArrayList<>(metrics.size());
    for (MetricData m : metrics) {
      if (MetricBridge.SCOPE.equals(m.getInstrumentationScopeInfo().getName())) {
        ours.add(m);
      }
    }
    return ours;
  }

  private void failed(Throwable reason) {
    failed.incrementAndGet();
    if (failing.compareAndSet(false, true)) {
      AgentLog.warn(
          "OTLP export to " + endpoint + " failed (" + describe(reason) + "); the agent keeps trying at each"
              + " interval, logs one line when an export succeeds again, and the service is not affected");
    }
  }

  private static String describe(Throwable reason) {
    if (reason == null) {
      return "no answer within the timeout, or an error answer";
    }
    StringBuilder out = new StringBuilder(reason.getClass().getSimpleName());
    if (reason.getMessage() != null) {
      out.append(": ").append(reason.getMessage());
    }
    Throwable cause = reason.getCause();
    if (cause != null && cause != reason) {
      out.append(", caused by ").append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        out.append(": ").append(cause.getMessage());
      }
    }
    return out.toString();
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return delegate.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return delegate.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return delegate.getMemoryMode();
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
