package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The agent shades and relocates Byte Buddy and HdrHistogram (and will OpenTelemetry): an
 * application with its own, different versions of them works, and is still monitored.
 */
class OwnLibrariesTest {

  @Test
  void applicationKeepsItsOwnLibraryVersions() throws Exception {
    try (ChildJvm app = ChildJvm.builder("dev.monitor.it.apps.OwnLibrariesApp").start()) {
      String out = app.output();
      assertTrue(out.contains("APP bytebuddy made by the app's byte buddy from ") && out.contains("byte-buddy-1.12.19.jar"), out);
      assertTrue(out.contains("APP hdrhistogram count=1 from ") && out.contains("HdrHistogram-2.1.12.jar"), out);
      assertTrue(out.contains("opentelemetry-api-1.30.0.jar"), out);
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.app("/api/users/" + i).statusCode());
      }
      assertEquals(3, ServletScenario.count(app.scrape(), "GET", "/api/users/{id}", "200"));
    }
  }
}
