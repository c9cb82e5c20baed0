package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JdbcApp;
import org.junit.jupiter.api.Test;

/** Data sources the agent has no reader for, and data sources that a pool uses internally. */
class JdbcDataSourceKindsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String POOL = "db_client_connection_pool_name";

  private static ChildJvm start(String pool) throws Exception {
    return ChildJvm.builder(JdbcApp.class.getName())
        .property("jdbc.url", "jdbc:h2:mem:kinds;DB_CLOSE_DELAY=-1")
        .property("jdbc.pool", pool)
        .start();
  }

  @Test
  void anUnknownDataSourceStillShowsConnectionsHeldAndItsHealth() throws Exception {
    try (ChildJvm app = start("plain")) {
      assertEquals("ok\n", app.app("/setup").body());
      assertEquals("holding 3", app.app("/hold?n=3&ms=1500").body());
      Scrape held = app.scrape();
      String name = "JdbcDataSource-1";
      assertEquals(3, held.value("db_client_connection_count", POOL, name, "db_client_connection_state", "used"));
      assertTrue(Double.isNaN(held.value("db_client_connection_count", POOL, name, "db_client_connection_state", "idle")),
          "idle is unknown for a data source the agent cannot read");
      assertTrue(Double.isNaN(held.value("db_client_connection_max", POOL, name)));
      assertEquals(4, held.value("db_client_connection_wait_time_seconds_count", POOL, name));

      JsonNode health = JSON.readTree(app.monitor("/health/database").body());
      JsonNode check = health.get("checks").get("database:" + name);
      assertEquals("UP", check.get("status").asText(), health.toString());
      assertEquals("unknown", check.get("details").get("poolKind").asText());
      assertEquals("H2", check.get("details").get("database").asText());

      Thread.sleep(1700);
      Scrape released = app.scrape();
      assertEquals(0, released.value("db_client_connection_count", POOL, name, "db_client_connection_state", "used"));
      assertEquals(4, released.value("db_client_connection_use_time_seconds_count", POOL, name));
      assertTrue(released.value("db_client_connection_use_time_seconds_sum", POOL, name) >= 3 * 1.4);
    }
  }

  @Test
  void aDriverDataSourceInsideAPoolIsNotReportedAsASecondPool() throws Exception {
    try (ChildJvm app = start("hikari-datasource")) {
      assertEquals("ok\n", app.app("/setup").body());
      assertEquals("inserted 1\n", app.app("/insert").body());
      assertEquals("found\n", app.app("/select").body());
      JsonNode pools = JSON.readTree(app.monitor("/metrics.json").body()).get("database").get("pools");
      assertEquals(1, pools.size(), pools.toString());
      assertEquals("wrapped-pool", pools.get(0).get("name").asText());
      assertEquals("hikaricp", pools.get(0).get("kind").asText());
      JsonNode checks = JSON.readTree(app.monitor("/health/database").body()).get("checks");
      assertEquals(1, checks.size(), checks.toString());
      assertEquals(1, app.scrape().value("db_client_operation_duration_seconds_count",
          "db_system_name", "h2", "db_operation_name", "SELECT", "db_collection_name", "users"));
    }
  }

  @Test
  void aPoolThatNamesItselfAsItStartsIsReportedUnderThatName() throws Exception {
    try (ChildJvm app = start("hikari-unnamed")) {
      assertEquals("ok\n", app.app("/setup").body());
      assertEquals("none\n", app.app("/select").body()); // a SELECT on the empty table
      JsonNode pools = JSON.readTree(app.monitor("/metrics.json").body()).get("database").get("pools");
      assertEquals(1, pools.size(), pools.toString());
      assertEquals("HikariPool-1", pools.get(0).get("name").asText(), "the name HikariCP and Micrometer give it");
      Scrape scrape = app.scrape();
      // both borrows counted, the first (which started the pool) included
      assertEquals(2, scrape.value("db_client_connection_wait_time_seconds_count", POOL, "HikariPool-1"));
      assertEquals(0, scrape.value("db_client_connection_pending_requests", POOL, "HikariPool-1"));
      JsonNode checks = JSON.readTree(app.monitor("/health/database").body()).get("checks");
      assertEquals("UP", checks.get("database:HikariPool-1").get("status").asText(), checks.toString());
    }
  }
}
