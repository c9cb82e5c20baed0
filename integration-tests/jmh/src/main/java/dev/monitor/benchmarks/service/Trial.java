package dev.monitor.benchmarks.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of one application under one contender: start it, time the first 200, warm it up,
 * load each endpoint in turn, read its memory, threads and allocation, stop it. Every figure
 * lands in {@link #figures} by name (startup.ms, db.rps, db.p99, rss.mib…).
 */
final class Trial {

  final Application application;
  final Contender contender;
  final Map<String, Double> figures = new LinkedHashMap<>();

  private final Settings settings;

  Trial(Application application, Contender contender, Settings settings) {
    this.application = application;
    this.contender = contender;
    this.settings = settings;
  }

  void run(int round) throws Exception {
    int port = freePort();
    int metricsPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(javaLauncher());
    // A fixed, pre-touched heap: all three have the same heap in their resident memory, so what
    // differs is what each agent adds outside it (classes, compiled code, threads, buffers); what
    // an agent keeps on the heap is read separately, as the live heap after a full GC.
    command.add("-Xms" + settings.heap);
    command.add("-Xmx" + settings.heap);
    command.add("-XX:+AlwaysPreTouch");
    command.addAll(contender.jvmArguments(settings.monitorJar, settings.otelJar, metricsPort));
    command.addAll(application.launch(settings, port));
    Path log = settings.logs.resolve(application.key + "-" + contender.name().toLowerCase() + "-" + round + ".log");
    long begin = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try (ProcessProbe probe = new ProcessProbe(process.pid())) {
      figures.put("startup.ms", awaitFirst200(process, port, begin, log));
      Application.Endpoint[] endpoints = application.endpoints;
      for (double left = settings.warmupSeconds; left > 0; left -= settings.seconds) {
        for (Application.Endpoint e : endpoints) {
          load(port, e, Math.min(left, settings.seconds) / endpoints.length);
        }
      }
      for (Application.Endpoint e : endpoints) {
        double cpuBefore = probe.cpuSeconds();
        HttpLoad.Result r = load(port, e, settings.seconds);
        double cpu = probe.cpuSeconds() - cpuBefore;
        if (r.failures > 0) {
          throw new IllegalStateException(
              contender.title + ": " + r.failures + " failed requests on " + e.template + "; see " + log);
        }
        figures.put(e.name + ".rps", r.perSecond());
        figures.put(e.name + ".p50", r.p50Millis());
        figures.put(e.name + ".p99", r.p99Millis());
        figures.put(e.name + ".cpu", cpu / r.requests * 1e6);
      }
      figures.put("rss.mib", probe.residentBytes() / 1048576.0);
      figures.put("threads", (double) probe.threadCount());
      figures.put("series", (double) exposedSeries(metricsPort));
      long allocatedBefore = probe.allocatedBytes();
      long start = System.nanoTime();
      long requests = 0;
      for (Application.Endpoint e : new Application.Endpoint[] {endpoints[0], endpoints[2]}) {
        requests += load(port, e, settings.allocationSeconds / 2).requests;
      }
      double allocated = probe.allocatedBytes() - allocatedBefore;
      figures.put("alloc.mbps", allocated / ((System.nanoTime() - start) / 1e9) / 1048576.0);
      figures.put("alloc.kb", allocated / requests / 1024.0);
      figures.put("live.mib", probe.liveHeapBytes() / 1048576.0);
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private HttpLoad.Result load(int port, Application.Endpoint endpoint, double seconds) throws InterruptedException {
    return HttpLoad.run(port, settings.concurrency, seconds, endpoint.paths());
  }

  private double awaitFirst200(Process process, int port, long begin, Path log)
      throws InterruptedException {
    long deadline = begin + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (HttpLoad.status(port, application.readyPath()) == 200) {
        return (System.nanoTime() - begin) / 1e6;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(application.key + " exited with " + process.exitValue() + "; see " + log);
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("no 200 from " + application.key + " within 120 s; see " + log);
  }

  /**
   * How many samples the agent's Prometheus page serves (0 without an agent): a check that the
   * agent really records, read after memory and threads so the scrape does not count.
   */
  private int exposedSeries(int metricsPort) throws IOException {
    if (contender.metricsPath() == null) {
      return 0;
    }
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + metricsPort + contender.metricsPath()).openConnection();
    int samples = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          samples++;
        }
      }
    }
    return samples;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The java launcher of the JVM running the comparison, so all three run on the same JDK. */
  static String javaLauncher() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }
}
