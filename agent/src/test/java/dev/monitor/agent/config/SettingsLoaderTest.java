package dev.monitor.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

  final Map<String, String> system = new HashMap<>();
  final Map<String, String> env = new HashMap<>();
  final Map<String, String> file = new HashMap<>();
  final List<String> warnings = new ArrayList<>();

  /** A library's setting, declared as a library declares one. */
  static final SettingKey SLOW =
      SettingKey.duration("db.slow-query-threshold", Duration.ofMillis(100), "a library's setting");

  Settings load() {
    return new SettingsLoader(
            new SettingSources(system, env, file), Arrays.asList("servlet-3.0", "jdbc"), Collections.emptyList(),
            Collections.singletonList(SLOW), warnings::add)
        .load();
  }

  @Test
  void defaultsWhenNothingIsSet() {
    system.put("monitor.service.name", "orders");
    Settings s = load();
    assertEquals(9464, s.http.port);
    assertEquals("0.0.0.0", s.http.host);
    assertTrue(s.http.enabled);
    assertNull(s.otlpEndpoint);
    assertEquals("http/protobuf", s.otlpProtocol);
    assertEquals(Duration.ofSeconds(30), s.otlpInterval);
    assertEquals(Duration.ofMillis(100), s.value(SLOW));
    assertEquals(300, s.seriesLimit);
    assertTrue(s.instrumentationEnabled("jdbc"));
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void systemPropertyBeatsEnvironmentWhichBeatsFile() {
    file.put("monitor.http.port", "1111");
    env.put("MONITOR_HTTP_PORT", "2222");
    assertEquals(2222, load().http.port);
    system.put("monitor.http.port", "3333");
    assertEquals(3333, load().http.port);
    env.put("MONITOR_DB_SLOW_QUERY_THRESHOLD", "250ms");
    assertEquals(Duration.ofMillis(250), load().value(SLOW));
  }

  @Test
  void monitorKeysBeatOtelKeysWhichAreHonoured() {
    env.put("OTEL_SERVICE_NAME", "otel-name");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
    system.put("otel.exporter.otlp.headers", "api-key=s%3Dcret,tenant=a");
    Settings s = load();
    assertEquals("otel-name", s.serviceName);
    assertEquals("http://collector:4318", s.otlpEndpoint);
    assertEquals("s=cret", s.otlpHeaders.get("api-key"));
    assertEquals("a", s.otlpHeaders.get("tenant"));
    system.put("monitor.service.name", "monitor-name");
    assertEquals("monitor-name", load().serviceName);
  }

  @Test
  void badValuesWarnNamingTheKeyAndUseTheDefault() {
    system.put("monitor.http.port", "http");
    env.put("MONITOR_OTLP_INTERVAL", "soon");
    file.put("monitor.http.enabled", "yes");
    system.put("monitor.otlp.protocol", "udp");
    Settings s = load();
    assertEquals(9464, s.http.port);
    assertEquals(Duration.ofSeconds(30), s.otlpInterval);
    assertTrue(s.http.enabled);
    assertEquals("http/protobuf", s.otlpProtocol);
    assertEquals(4, warnings.size(), warnings.toString());
    assertTrue(warnings.contains(
        "system property monitor.http.port='http' is not a port number from 0 to 65535; using the default 9464"));
    assertTrue(warnings.contains(
        "environment variable MONITOR_OTLP_INTERVAL='soon' is not a duration above zero such as 250ms, 5s or 1m; using the default 30s"));
    assertTrue(warnings.contains(
        "monitor.http.enabled in the monitor.config file='yes' is not true or false; using the default true"));
  }

  @Test
  void unknownKeysWarnOnceEach() {
    system.put("monitor.htpp.port", "1");
    env.put("MONITOR_SERVCE_NAME", "x");
    env.put("MONITOR_INSTRUMENTATION_JDBC_ENABLED", "false");
    system.put("other.setting", "ignored silently");
    Settings s = load();
    assertFalse(s.instrumentationEnabled("jdbc"));
    assertTrue(s.instrumentationEnabled("servlet-3.0"));
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("unknown setting environment variable MONITOR_SERVCE_NAME is ignored"));
    assertTrue(warnings.get(1).startsWith("unknown setting system property monitor.htpp.port is ignored"));
  }

  @Test
  void durationsReadTheUsualUnits() {
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
    assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ofMillis(40), Durations.parse("40"));
    assertNull(Durations.parse("1.5s"));
    assertNull(Durations.parse("s"));
    assertNull(Durations.parse("5 fortnights"));
  }

  @Test
  void aConfigFileThatIsAPipeOrTooLargeIsNotRead() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("monitor-config");
    java.nio.file.Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    // Opening a FIFO blocks until a writer comes: this returns at once only if it is never opened.
    assertTrue(SettingsLoader.readFile(fifo.toString(), warnings::add).isEmpty());
    assertTrue(warnings.get(0).contains("is not a regular file"), warnings.get(0));

    java.nio.file.Path big = dir.resolve("big.properties");
    java.nio.file.Files.write(big, new byte[(int) SettingsLoader.MAX_CONFIG_FILE_BYTES + 1]);
    assertTrue(SettingsLoader.readFile(big.toString(), warnings::add).isEmpty());
    assertTrue(warnings.get(1).contains("is larger than 1048576 bytes"), warnings.get(1));

    java.nio.file.Path good = dir.resolve("good.properties");
    java.nio.file.Files.write(good, "monitor.http.port=7000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("7000", SettingsLoader.readFile(good.toString(), warnings::add).get("monitor.http.port"));
  }

  @Test
  void theMonitorPortsAccessSettings() {
    system.put("monitor.http.token", "short");
    system.put("monitor.http.token.exempt", "/health/live, /metrics");
    system.put("monitor.http.allowed-hosts", "Monitor.Internal,orders.svc");
    system.put("monitor.http.max-connections", "3");
    system.put("monitor.http.request-timeout", "2s");
    Settings s = load();
    assertEquals("short", s.http.token);
    assertEquals(java.util.Set.of("/health/live"), s.http.tokenExempt);
    assertEquals(java.util.Set.of("monitor.internal", "orders.svc"), s.http.allowedHosts);
    assertEquals(256, s.http.maxConnections);
    assertEquals(Duration.ofSeconds(2), s.http.requestTimeout);
    assertEquals(
        Arrays.asList(
            "system property monitor.http.max-connections='3' is not a whole number from 8 to 100000; using the default 256",
            "system property monitor.http.token is only 5 characters long; it is used, but a random token of 32 or more characters is safer",
            "system property monitor.http.token.exempt: '/metrics' cannot be exempt from the token; only /health/live and /health/ready can"),
        warnings);
    assertFalse(String.join("\n", warnings).contains("short'"), "the token's value is never in a warning");
  }
}
