package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Prometheus rules file and the Grafana dashboard that ship next to monitor.jar refer only to
 * metric and label names the agent really serves: every name in every expression is checked
 * against live scrapes of the demo (HTTP, JDBC, Redis, JVM, alerts), a netty-socketio server
 * with real clients, and a Tomcat WebSocket endpoint, all under the agent. The rules are also
 * the agent's own rules: same names, thresholds, durations and severities as /health/alerts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedRulesAndDashboardTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path RULES = Paths.get("..", "agent", "target", "monitor-prometheus-rules.yml");
  static final Path DASHBOARD = Paths.get("..", "agent", "target", "monitor-grafana-dashboard.json");
  /** Labels Prometheus adds when it scrapes, and the bucket bound. */
  static final Set<String> ADDED_BY_PROMETHEUS = Set.of("job", "instance", "le");

  /** Every sample name the agent served, with every label name seen on it. */
  final Map<String, Set<String>> live = new TreeMap<>();
  JsonNode agentAlerts;

  @BeforeAll
  void scrapeRealServices() throws Exception {
    try (Redis redis = Redis.started();
        ChildJvm demo =
            ChildJvm.builder("dev.monitor.demo.DemoService")
                .property("demo.redis", "127.0.0.1:" + redis.port)
                .start()) {
      for (String path : new String[] {
          "/api/hello", "/api/fail", "/api/limited", "/api/db/users/42", "/api/db/report?ms=150",
          "/api/cache/users/42", "/api/cache/users/42", "/api/users/7"}) {
        demo.app(path);
      }
      add(demo.scrape());
      agentAlerts = JSON.readTree(demo.monitor("/health/alerts").body()).get("alerts");
    }
    try (ChildJvm sockets = ChildJvm.builder("dev.monitor.it.apps.SocketIoApp").start()) {
      String port = sockets.app("/port").body().trim();
      try (ChildJvm clients =
          ChildJvm.builder("dev.monitor.it.apps.SocketIoClients").withoutAgent()
              .property("socketio.url", "http://127.0.0.1:" + port)
              .start()) {
        assertEquals("connected 3", clients.app("/connect?n=3").body().trim());
        assertEquals("rejected 1", clients.app("/reject?n=1").body().trim());
        assertEquals("acked 6", clients.app("/emit?event=message&n=2").body().trim());
        assertEquals("disconnected 1", clients.app("/disconnect?n=1").body().trim());
        Scrape scrape = sockets.scrape();
        for (long deadline = System.currentTimeMillis() + 5_000;
            scrape.sum("socketio_server_disconnections_total") < 1 && System.currentTimeMillis() < deadline;
            scrape = sockets.scrape()) {
          Thread.sleep(50);
        }
        add(scrape);
      }
    }
    try (ChildJvm ws = ChildJvm.builder("dev.monitor.it.apps.WebSocketTomcatApp").start()) {
      WsClient client = WsClient.connect("ws://localhost:" + ws.appPort + "/ws/chat/room1");
      assertEquals("echo:hi", client.ask("hi"));
      client.close(1000);
      Scrape scrape = ws.scrape();
      for (long deadline = System.currentTimeMillis() + 5_000;
          scrape.sum("websocket_server_messages_total", "direction", "sent") < 1 && System.currentTimeMillis() < deadline;
          scrape = ws.scrape()) {
        Thread.sleep(50);
      }
      add(scrape);
    }
  }

  private void add(Scrape scrape) {
    for (Scrape.Sample sample : scrape.samples) {
      live.computeIfAbsent(sample.name, n -> new TreeSet<>()).addAll(sample.labels.keySet());
    }
  }

  /** What the expression refers to that no live sample has; empty when it is right. */
  List<String> unknownNames(String expression) {
    PromQl q = PromQl.parse(expression);
    List<String> wrong = new ArrayList<>();
    Set<String> labelsOfThisExpression = new HashSet<>(ADDED_BY_PROMETHEUS);
    if (q.selectors.isEmpty()) {
      wrong.add("no metric at all");
    }
    for (PromQl.Selector s : q.selectors) {
      Set<String> labels = live.get(s.metric);
      if (labels == null) {
        wrong.add("metric " + s.metric);
        continue;
      }
      labelsOfThisExpression.addAll(labels);
      for (String label : s.labels) {
        if (!label.startsWith("__name__=") && !ADDED_BY_PROMETHEUS.contains(label) && !labels.contains(label)) {
          wrong.add("label " + label + " of " + s.metric);
        }
      }
    }
    for (String label : q.groupingLabels) {
      if (!labelsOfThisExpression.contains(label)) {
        wrong.add("grouping label " + label);
      }
    }
    return wrong;
  }

  @Test
  void theNameCheckItselfCatchesAWrongMetricAndAWrongLabel() {
    assertEquals(List.of(), unknownNames("sum by (job, http_route) (rate(http_server_request_duration_seconds_count{http_response_status_code=~\"5..\"}[1m]))"));
    assertEquals(
        List.of("metric http_server_request_duration_seconds_total", "label http_status_code of http_server_active_requests", "grouping label route"),
        unknownNames("sum by (route) (rate(http_server_request_duration_seconds_total[1m])) / http_server_active_requests{http_status_code=\"500\"}"));
    assertEquals(List.of(), unknownNames("sum({__name__=~\"socketio_server_connections_active|websocket_server_sessions_active\"})"));
    assertEquals(List.of("metric socketio_connections_active"), unknownNames("sum({__name__=~\"socketio_connections_active|websocket_server_sessions_active\"})"));
  }

  @Test
  void theRulesFileUsesOnlyLiveNamesAndIsTheAgentsRules() throws Exception {
    assertTrue(Files.isRegularFile(RULES), RULES + " ships next to monitor.jar");
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile()).get("groups").get(0).get("rules");
    Map<String, JsonNode> byRule = new HashMap<>();
    Map<String, List<String>> wrong = new TreeMap<>();
    for (JsonNode rule : rules) {
      String name = rule.get("labels").get("rule").asText();
      byRule.put(name, rule);
      List<String> unknown = unknownNames(rule.get("expr").asText());
      if (!unknown.isEmpty()) {
        wrong.put(name, unknown);
      }
    }
    assertEquals(Map.of(), wrong, "names the agent does not serve");
    assertEquals(agentAlerts.size(), rules.size());
    Pattern threshold = Pattern.compile(">\\s*([0-9.]+)\\s*$");
    for (JsonNode agent : agentAlerts) {
      String name = agent.get("name").asText();
      JsonNode rule = byRule.get(name);
      assertNotNull(rule, "the rules file has no rule " + name);
      assertEquals(agent.get("severity").asText(), rule.get("labels").get("severity").asText(), name);
      assertEquals(agent.get("forSeconds").asDouble(), seconds(rule.get("for").asText()), name);
      Matcher m = threshold.matcher(rule.get("expr").asText().trim());
      assertTrue(m.find(), name + ": the expression ends in > threshold");
      assertEquals(agent.get("threshold").asDouble(), Double.parseDouble(m.group(1)), name);
    }
  }

  static double seconds(String promDuration) {
    Matcher m = Pattern.compile("(\\d+)([smh])").matcher(promDuration);
    assertTrue(m.matches(), promDuration);
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("s") ? n : m.group(2).equals("m") ? n * 60 : n * 3600;
  }

  @Test
  void theDashboardUsesOnlyLiveNames() throws Exception {
    assertTrue(Files.isRegularFile(DASHBOARD), DASHBOARD + " ships next to monitor.jar");
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    Map<String, List<String>> wrong = new TreeMap<>();
    Set<Integer> ids = new HashSet<>();
    Set<String> titles = new TreeSet<>();
    int queries = 0;
    for (JsonNode panel : dashboard.get("panels")) {
      assertTrue(ids.add(panel.get("id").asInt()), "panel ids are unique: " + panel.get("id"));
      if (panel.get("type").asText().equals("row")) {
        titles.add(panel.get("title").asText());
        continue;
      }
      assertEquals("${datasource}", panel.get("datasource").get("uid").asText(), panel.get("title").asText());
      assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
      for (JsonNode target : panel.get("targets")) {
        queries++;
        List<String> unknown = unknownNames(target.get("expr").asText());
        if (!unknown.isEmpty()) {
          wrong.put(panel.get("title").asText() + " " + target.get("refId").asText(), unknown);
        }
      }
    }
    for (JsonNode variable : dashboard.get("templating").get("list")) {
      if (variable.get("type").asText().equals("query")) {
        Matcher m = Pattern.compile("label_values\\((.*), *(\\w+)\\)").matcher(variable.get("query").get("query").asText());
        assertTrue(m.matches(), variable.toString());
        List<String> unknown = unknownNames(m.group(1));
        if (!unknown.isEmpty()) {
          wrong.put("variable " + variable.get("name").asText(), unknown);
        }
      }
    }
    assertEquals(Map.of(), wrong, "names the agent does not serve");
    assertEquals(Set.of("Alerts", "HTTP requests", "Database and connection pools", "Redis", "Socket.IO and WebSocket", "JVM"), titles);
    assertTrue(queries >= 30, "queries: " + queries);
  }
}
