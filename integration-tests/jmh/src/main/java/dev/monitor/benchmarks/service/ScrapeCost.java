package dev.monitor.benchmarks.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What one {@code /metrics} scrape costs the service: scrapes a running agent's port
 * {@code scrapes} times on one kept-alive connection (after 200 to warm up) and prints the
 * wall time and the service process's CPU time per scrape. Start the service first, drive some
 * traffic so the scrape has series, then:
 * {@code java -cp integration-tests/jmh/target/monitor-benchmarks.jar dev.monitor.benchmarks.service.ScrapeCost <port> <pid> [scrapes]}.
 */
public final class ScrapeCost {

  private ScrapeCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ScrapeCost <monitor port> <service pid> [scrapes, 2000]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    int scrapes = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    for (int i = 0; i < 200; i++) {
      client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
    try (ProcessProbe probe = new ProcessProbe(Long.parseLong(args[1]))) {
      double cpuBefore = probe.cpuSeconds();
      long start = System.nanoTime();
      long bytes = 0;
      for (int i = 0; i < scrapes; i++) {
        bytes += client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
      }
      double wallMs = (System.nanoTime() - start) / 1e6 / scrapes;
      double cpuMs = (probe.cpuSeconds() - cpuBefore) * 1000 / scrapes;
      System.out.printf("scrapes %d, %d bytes each, %.3f ms wall and %.3f ms of the service's CPU per scrape%n",
          scrapes, bytes / scrapes, wallMs, cpuMs);
    }
  }
}
