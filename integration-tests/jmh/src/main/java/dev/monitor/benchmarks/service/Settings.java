package dev.monitor.benchmarks.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** The comparison's settings, from system properties; paths are relative to the top folder. */
final class Settings {
  final Path monitorJar = path("monitor.agent", "agent/target/monitor.jar");
  final Path otelJar = path("otel.agent", "integration-tests/jmh/target/agents/opentelemetry-javaagent.jar");
  final Path demoJar = path("demo.jar", "integration-tests/target/monitor-demo.jar");
  final Path bootJar = path("boot.jar", "integration-tests/spring-boot-4.0/target/spring-boot-app.jar");
  /** {@code apps}: which applications to run, {@code demo,boot} (both) by default. */
  final List<Application> applications = applications(System.getProperty("apps", "demo,boot"));
  final Path logs = path("logs", "integration-tests/jmh/target/service-comparison");
  final int rounds = Integer.getInteger("rounds", 3);
  final int concurrency = Integer.getInteger("concurrency", 4);
  final double seconds = Double.parseDouble(System.getProperty("seconds", "10"));
  final double warmupSeconds = Double.parseDouble(System.getProperty("warmup", "15"));
  final double allocationSeconds = Double.parseDouble(System.getProperty("allocationSeconds", "6"));
  final String heap = System.getProperty("heap", "256m");
  int redisPort;

  private static List<Application> applications(String names) {
    List<Application> out = new java.util.ArrayList<>();
    for (Application a : Application.values()) {
      if (java.util.Arrays.asList(names.split(",")).contains(a.key)) {
        out.add(a);
      }
    }
    return out;
  }

  private static Path path(String property, String fallback) {
    return Paths.get(System.getProperty(property, fallback)).toAbsolutePath().normalize();
  }

  /** A line naming what is missing and how to get it, or null when everything is there. */
  String missing() {
    for (Path p : new Path[] {monitorJar, otelJar, demoJar, bootJar}) {
      if (!Files.isRegularFile(p)) {
        return p + " is missing: run mvn -B -q package -DskipTests from the top folder first";
      }
    }
    return null;
  }
}
