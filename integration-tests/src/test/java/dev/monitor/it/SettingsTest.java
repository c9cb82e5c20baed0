package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Settings as a real user gives them: system properties, environment, a file; wrong ones too. */
class SettingsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void environmentBeatsFileAndBadOrUnknownSettingsWarnOnce() throws Exception {
    Path file = Files.createTempFile("monitor", ".properties");
    Files.writeString(file, "monitor.service.name=from-file\nmonitor.http.prot=1\n");
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.config", file.toString())
            .property("monitor.db.slow-query-threshold", "fast")
            .property("monitor.unknown.key", "x")
            .env("MONITOR_SERVICE_NAME", "from-env")
            .start()) {
      JsonNode health = JSON.readTree(app.monitor("/health").body());
      assertEquals("from-env", health.get("service").asText());
      String out = app.output();
      assertEquals(1, ChildJvm.occurrences(out,
          "system property monitor.db.slow-query-threshold='fast' is not a duration above zero such as 250ms, 5s or 1m; using the default 100ms"));
      assertEquals(1, ChildJvm.occurrences(out, "unknown setting system property monitor.unknown.key is ignored"));
      assertEquals(1, ChildJvm.occurrences(out, "unknown setting monitor.http.prot in the monitor.config file is ignored"));
      // the service still starts and is monitored
      assertEquals(200, app.app("/api/hello").statusCode());
      assertEquals(1, app.scrape().sum(ServletScenario.DURATION + "_count"));
    }
  }

  @Test
  void systemPropertyBeatsEnvironmentAndOtelNamesAreHonoured() throws Exception {
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.service.name", "from-property")
            .env("MONITOR_SERVICE_NAME", "from-env")
            .start()) {
      assertEquals("from-property", JSON.readTree(app.monitor("/health").body()).get("service").asText());
    }
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService").env("OTEL_SERVICE_NAME", "from-otel").start()) {
      assertEquals("from-otel", JSON.readTree(app.monitor("/health").body()).get("service").asText());
      assertTrue(app.scrape().text.contains("target_info{service_name=\"from-otel\""));
    }
  }

  @Test
  void disabledInstrumentationLeavesServletsUntransformed() throws Exception {
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService")
            .property("monitor.instrumentation.jakarta-servlet-5.0.enabled", "false")
            .start()) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.app("/api/hello").statusCode());
      }
      assertFalse(app.scrape().text.contains("http_server_request_duration"));
      JsonNode agent = JSON.readTree(app.monitor("/metrics.json").body()).get("agent");
      JsonNode jakarta = ServletScenario.instrumentation(agent, "jakarta-servlet-5.0");
      assertFalse(jakarta.get("enabled").asBoolean());
      assertEquals(0, jakarta.get("transformedClasses").asInt());
      assertTrue(app.output().contains("instrumentation jakarta-servlet-5.0 is disabled by settings"));
    }
  }

  @Test
  void portInUseWarnsOnceAndTheServiceRunsOn() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      try (ChildJvm app =
          ChildJvm.builder("dev.monitor.demo.DemoService")
              .property("monitor.http.port", String.valueOf(taken.getLocalPort()))
              .noMonitorPort()
              .start()) {
        assertEquals(200, app.app("/api/hello").statusCode());
        assertEquals(200, app.app("/api/users/5").statusCode());
        assertEquals(1, ChildJvm.occurrences(app.output(), "cannot listen on 0.0.0.0:" + taken.getLocalPort()));
      }
    }
  }
}
