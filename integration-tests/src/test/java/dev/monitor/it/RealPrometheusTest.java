package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Prometheus server (Debian's package) scrapes the demo twice, once negotiating
 * OpenMetrics as Prometheus does by default and once asking for text 0.0.4 with
 * {@code ?format=text}; both jobs must be up, their figures equal the agent's, and Prometheus's
 * metadata must list every counter as a counter. Skipped where Prometheus is not installed,
 * except in CI ({@code .ci/run} installs it).
 */
@Timeout(180)
class RealPrometheusTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path PROMETHEUS = Paths.get("/usr/bin/prometheus");
  static ChildJvm app;
  static Process prometheus;
  static int prometheusPort;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(PROMETHEUS)) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("Prometheus is not installed; .ci/run installs it (apt-get install prometheus)");
      }
      Assumptions.abort("no Prometheus server at " + PROMETHEUS);
    }
    app = ChildJvm.builder("dev.monitor.demo.DemoService").property("monitor.service.name", "monitor-demo").start();
    for (int i = 0; i < 7; i++) {
      assertEquals(200, app.app("/api/hello").statusCode());
    }
    assertEquals(500, app.app("/api/fail").statusCode());
    dir = Files.createTempDirectory("monitor-prometheus");
    String target = "127.0.0.1:" + app.monitorPort;
    Files.writeString(dir.resolve("prometheus.yml"),
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "scrape_configs:\n"
            + "  - job_name: openmetrics\n    static_configs:\n      - targets: ['" + target + "']\n"
            + "  - job_name: text\n    params:\n      format: [text]\n    static_configs:\n      - targets: ['" + target + "']\n");
    try (ServerSocket free = new ServerSocket(0)) {
      prometheusPort = free.getLocalPort();
    }
    prometheus =
        new ProcessBuilder(
                PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn")
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (value("count(up{job=~\"openmetrics|text\"} == 1)") == 2 && value("count(http_server_request_duration_seconds_count)") >= 2) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Prometheus never scraped both jobs; its targets: "
        + get("/api/v1/targets") + "\nits log:\n" + Files.readString(dir.resolve("prometheus.log")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor();
    }
    if (app != null) {
      app.close();
    }
  }

  static String get(String pathAndQuery) throws Exception {
    return ChildJvm.send("GET", "http://127.0.0.1:" + prometheusPort + pathAndQuery).body();
  }

  /** The single value of an instant query, or NaN when it has none. */
  static double value(String query) {
    try {
      JsonNode result = JSON.readTree(get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
          .path("data").path("result");
      return result.size() == 1 ? result.get(0).get("value").get(1).asDouble() : Double.NaN;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  @Test
  void bothFormatsGiveTheAgentsFigures() {
    for (String job : new String[] {"openmetrics", "text"}) {
      assertEquals(7, value("http_server_request_duration_seconds_count{job=\"" + job + "\",http_route=\"/api/hello\"}"), job);
      assertEquals(1, value("sum(http_server_request_duration_seconds_count{job=\"" + job + "\",http_response_status_code=\"500\"})"), job);
      assertEquals(1, value("count(target_info{job=\"" + job + "\",service_name=\"monitor-demo\"})"), job);
      assertTrue(value("jvm_cpu_time_seconds_total{job=\"" + job + "\"}") > 0, job);
    }
  }

  @Test
  void prometheusKnowsEveryCounterAsACounter() throws Exception {
    Scrape scrape = app.scrape();
    Map<String, String> types = new TreeMap<>(scrape.types);
    for (String job : new String[] {"openmetrics", "text"}) {
      JsonNode metadata = JSON.readTree(get("/api/v1/targets/metadata?match_target="
          + URLEncoder.encode("{job=\"" + job + "\"}", StandardCharsets.UTF_8))).get("data");
      Map<String, String> seen = new TreeMap<>();
      for (JsonNode m : metadata) {
        seen.put(m.get("metric").asText(), m.get("type").asText());
      }
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, String> family : types.entrySet()) {
        String name = family.getKey();
        if (family.getValue().equals("counter") && job.equals("openmetrics")) {
          name = name.substring(0, name.length() - "_total".length()); // OpenMetrics names the family without it
        }
        String expected = name.equals("target_info") && job.equals("openmetrics") ? "info" : family.getValue();
        if (name.equals("target_info") && job.equals("openmetrics")) {
          name = "target";
        }
        if (!expected.equals(seen.get(name))) {
          wrong.add(name + " is " + seen.get(name) + ", not " + expected);
        }
      }
      assertTrue(wrong.isEmpty(), job + ": " + wrong + "\nall: " + seen);
      assertTrue(types.containsValue("counter"));
    }
  }
}
