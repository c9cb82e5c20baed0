package dev.monitor.benchmarks.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way to run the demo service: without an agent, under this agent, or under the OpenTelemetry agent. */
enum Contender {
  NO_AGENT("no agent"),
  MONITOR("monitor agent"),
  OTEL("OpenTelemetry agent");

  final String title;

  Contender(String title) {
    this.title = title;
  }

  /**
   * The agent's JVM arguments. The OpenTelemetry agent is set to record metrics only, the way
   * its documentation says: traces and logs exporters off, metrics served by its Prometheus
   * exporter, and the stable database client metrics opted in.
   */
  List<String> jvmArguments(Path monitorJar, Path otelJar, int metricsPort) {
    List<String> args = new ArrayList<>();
    switch (this) {
      case MONITOR:
        args.add("-javaagent:" + monitorJar);
        args.add("-Dmonitor.http.port=" + metricsPort);
        break;
      case OTEL:
        args.add("-javaagent:" + otelJar);
        args.add("-Dotel.service.name=monitor-demo");
        args.add("-Dotel.traces.exporter=none");
        args.add("-Dotel.logs.exporter=none");
        args.add("-Dotel.metrics.exporter=prometheus");
        args.add("-Dotel.exporter.prometheus.port=" + metricsPort);
        args.add("-Dotel.semconv-stability.opt-in=database");
        break;
      default:
        break;
    }
    return args;
  }

  /** The path of the agent's Prometheus page, or null without an agent. */
  String metricsPath() {
    return this == NO_AGENT ? null : "/metrics";
  }
}
