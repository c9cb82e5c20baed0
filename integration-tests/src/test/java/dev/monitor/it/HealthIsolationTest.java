package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JdbcApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stopped database behind HikariCP with its default 30 s connection timeout, as Spring Boot
 * runs it: the health check's borrow hangs. Liveness must not notice, {@code /health/detailed}
 * must answer within the health timeout (3 s), and the log says DOWN once and UP once.
 */
@Timeout(180)
class HealthIsolationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Postgres pg;
  static ChildJvm app;

  @BeforeAll
  static void start() throws Exception {
    pg = Postgres.started();
    app =
        ChildJvm.builder(JdbcApp.class.getName())
            .property("jdbc.url", pg.url())
            .property("jdbc.pool", "hikari")
            .property("jdbc.user", "postgres")
            .property("jdbc.waitMs", "30000")
            .start();
    assertEquals("ok\n", app.app("/setup").body());
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void aHangingDatabaseNeverReachesLivenessAndDetailedStaysBounded() throws Exception {
    assertEquals(200, app.monitor("/health/ready").statusCode());
    pg.stop();
    Thread.sleep(2500); // past the 2 s cache of the check's last UP
    List<Long> liveMillis = new ArrayList<>();
    List<Long> detailedMillis = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long begin = System.nanoTime();
      HttpResponse<String> live = app.monitor("/health/live");
      liveMillis.add((System.nanoTime() - begin) / 1_000_000);
      assertEquals(200, live.statusCode(), live.body());
      if (i % 3 == 0) {
        begin = System.nanoTime();
        HttpResponse<String> detailed = app.monitor("/health/detailed");
        long took = (System.nanoTime() - begin) / 1_000_000;
        detailedMillis.add(took);
        assertEquals(503, detailed.statusCode());
        JsonNode database = JSON.readTree(detailed.body()).get("checks").get("database:app-pool");
        assertEquals("DOWN", database.get("status").asText(), detailed.body());
        // the health timeout is 3 s; before the fix this took 18 s and more
        assertTrue(took < 6000, "/health/detailed took " + took + " ms");
      }
      Thread.sleep(250);
    }
    assertEquals(503, app.monitor("/health/ready").statusCode());
    System.out.println("[figures] database stopped (Hikari connectionTimeout 30 s): /health/live ms " + liveMillis
        + ", /health/detailed ms " + detailedMillis);

    pg.start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (app.monitor("/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertEquals(200, app.monitor("/health/ready").statusCode());
    String out = app.output();
    assertEquals(1, ChildJvm.occurrences(out, "health check database:app-pool is DOWN"), out);
    assertEquals(1, ChildJvm.occurrences(out, "health check database:app-pool is UP again"), out);
  }
}
