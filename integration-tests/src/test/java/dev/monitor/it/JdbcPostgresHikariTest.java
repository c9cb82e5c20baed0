package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL through the latest HikariCP, on a server of its own that the last test stops and
 * starts again: readiness must go 503 (liveness staying 200) and come back.
 */
class JdbcPostgresHikariTest extends JdbcPostgresScenario {

  Postgres pg;

  @Override
  String pool() {
    return "hikari";
  }

  /** A server of its own, not the shared one: this test stops it. */
  @Override
  String url() throws Exception {
    pg = Postgres.started();
    return pg.url();
  }

  @Override
  String poolKind() {
    return "hikaricp";
  }

  @Test
  @Order(7)
  void aStoppedDatabaseFailsReadinessButNotLivenessAndRecovers() throws Exception {
    pg.stop();
    JsonNode database = JSON.readTree(app.awaitMonitor("/health/ready", 503));
    assertEquals("DOWN", database.get("status").asText());
    assertEquals(200, app.monitor("/health/live").statusCode());
    assertEquals(503, app.monitor("/health/database").statusCode());

    pg.start();
    JsonNode ready = JSON.readTree(app.awaitMonitor("/health/ready", 200));
    assertEquals("UP", ready.get("status").asText());
    assertEquals("found\n", run("select"));
  }

  @AfterAll
  void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
