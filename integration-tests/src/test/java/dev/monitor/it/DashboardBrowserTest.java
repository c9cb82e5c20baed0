package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page in a real browser: headless Chromium (Debian's package; CI installs it)
 * opens {@code /} on a demo with known traffic and the port's token, runs the page's script,
 * and the rendered DOM is compared with what {@code /metrics.json}, {@code /health/detailed}
 * and {@code /health/alerts} say. A screenshot lands in {@code target/dashboard.png} (the
 * README's picture is one of these). Skipped where there is no Chromium; in CI it fails instead.
 */
class DashboardBrowserTest {

  static final String TOKEN = "dashboard-test-token-5c1f0e";
  static final ObjectMapper JSON = new ObjectMapper();

  static String chromium() {
    for (String candidate : new String[] {System.getProperty("monitor.test.chromium", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (!candidate.isEmpty() && Files.isExecutable(Paths.get(candidate))) {
        return candidate;
      }
    }
    if (System.getenv("CI") != null) {
      throw new AssertionError("no Chromium at /usr/bin/chromium: CI must run the browser test (.ci/run installs Debian's chromium)");
    }
    assumeTrue(false, "no Chromium at /usr/bin/chromium");
    return null;
  }

  /** Runs headless Chromium on {@code url} with {@code options}; its standard output. */
  static String browse(String chromium, String url, String... options) throws Exception {
    Path profile = Files.createTempDirectory("chromium-");
    List<String> command = new ArrayList<>(List.of(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
        // timers run in virtual time: the page fetches, draws, and refreshes once more
        "--virtual-time-budget=12000", "--window-size=1400,2600"));
    command.addAll(List.of(options));
    command.add(url);
    Process browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(browser.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
    ServletDistributions.clean(profile);
    Files.deleteIfExists(profile);
    return out;
  }

  static JsonNode get(ChildJvm app, String path) throws Exception {
    HttpResponse<String> answer = ChildJvm.HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.monitorPort + path))
            .header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(answer.body());
  }

  /** The text of the element with {@code id}. */
  static String byId(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(dom);
    assertTrue(m.find(), "no #" + id + " in the rendered page");
    return m.group(1).replace("&amp;", "&");
  }

  /** The text of cell {@code field} in the row whose {@code attribute} is {@code key}. */
  static String cell(String dom, String attribute, String key, String field) {
    Matcher row = Pattern.compile("<tr " + attribute + "=\"" + Pattern.quote(key) + "\">(.*?)</tr>").matcher(dom);
    assertTrue(row.find(), "no row " + key + " in the rendered page");
    Matcher cell = Pattern.compile("data-field=\"" + field + "\"[^>]*>([^<]*)<").matcher(row.group(1));
    assertTrue(cell.find(), "no " + field + " in row " + key);
    return cell.group(1);
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }

  @Test
  void thePageShowsWhatTheJsonSays() throws Exception {
    String chromium = chromium();
    try (ChildJvm app = ChildJvm.builder("dev.monitor.demo.DemoService")
        .property("monitor.http.token", TOKEN)
        .property("monitor.history.step", "1s")
        .property("monitor.history.length", "2m")
        .property("monitor.alerts.interval", "1s")
        // the rules judge a minute by default; a fresh machine's first Chromium start can take
        // most of one, and the test is about the page showing the state, not about the window
        .property("monitor.alerts.error-rate.window", "10m")
        .property("monitor.alerts.error-rate-critical.window", "10m")
        .start()) {
      // without the token the page loads but asks for it, and shows no figure; this first run
      // also pays Chromium's first start before the traffic, not between it and the reading
      String locked = browse(chromium, "http://127.0.0.1:" + app.monitorPort + "/", "--dump-dom");
      assertTrue(locked.contains("<form id=\"token-form\">"), "the token form is shown");
      assertEquals("–", byId(locked, "current-error-rate"));

      for (int i = 1; i <= 5; i++) {
        assertEquals(200, app.app("/api/users/" + i).statusCode());
      }
      assertEquals(500, app.app("/api/fail").statusCode());
      assertEquals(500, app.app("/api/fail").statusCode());
      assertEquals(200, app.app("/api/db/users/3").statusCode());
      Thread.sleep(4000); // history points and an alert evaluation after the traffic

      String dom = browse(chromium, "http://127.0.0.1:" + app.monitorPort + "/#token=" + TOKEN, "--dump-dom");
      JsonNode summary = get(app, "/metrics.json");
      JsonNode health = get(app, "/health/detailed");
      JsonNode alerts = get(app, "/health/alerts");
      Matcher refreshes = Pattern.compile("data-refreshes=\"(\\d+)\"").matcher(dom);
      assertTrue(refreshes.find() && Integer.parseInt(refreshes.group(1)) >= 2, "the page drew and refreshed: " + dom);
      assertTrue(dom.contains("<form id=\"token-form\" hidden"), "the token from the address was used");

      assertEquals(summary.get("service").asText(), byId(dom, "service"));
      JsonNode http = summary.get("http");
      assertEquals(8, http.get("requests").asInt());
      assertEquals(percent(0.25), percent(http.get("lastMinute").get("errorRate").asDouble()));
      assertEquals(percent(http.get("lastMinute").get("errorRate").asDouble()), byId(dom, "current-error-rate"));
      assertEquals("alert at 5.00 %", byId(dom, "error-threshold"));
      // the routes table: every endpoint of /metrics.json, with its count and error rate
      for (JsonNode endpoint : http.get("endpoints")) {
        String route = endpoint.get("method").asText() + " " + endpoint.get("route").asText();
        assertEquals(endpoint.get("requests").asText(), cell(dom, "data-route", route, "requests"), route);
        assertEquals(percent(endpoint.get("errorRate").asDouble()), cell(dom, "data-route", route, "errorRate"), route);
      }
      assertEquals("5", cell(dom, "data-route", "GET /api/users/{id}", "requests"));
      assertEquals("100.00 %", cell(dom, "data-route", "GET /api/fail", "errorRate"));
      // health and alerts as the port says
      health.get("checks").fields().forEachRemaining(check ->
          assertEquals(check.getValue().get("status").asText(), cell(dom, "data-check", check.getKey(), "status"), check.getKey()));
      for (JsonNode rule : alerts.get("alerts")) {
        assertEquals(rule.get("state").asText(), cell(dom, "data-alert", rule.get("name").asText(), "state"));
      }
      assertEquals("PENDING", cell(dom, "data-alert", "error-rate", "state"), "25 % errors against 5 %");
      // the charts were drawn by uPlot (its canvas), from the history
      assertTrue(dom.contains("id=\"chart-requests\"") && dom.contains("uplot"), "the request chart is drawn");
      assertTrue(dom.contains("id=\"chart-pool-demo-pool\""), "a chart for the demo's pool, from its history family");

      Path screenshot = Paths.get("target", "dashboard.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      browse(chromium, "http://127.0.0.1:" + app.monitorPort + "/#token=" + TOKEN, "--screenshot=" + screenshot,
          "--hide-scrollbars");
      assertTrue(Files.size(screenshot) > 20_000, "a screenshot of the drawn page: " + Files.size(screenshot) + " bytes");
    }
  }
}
