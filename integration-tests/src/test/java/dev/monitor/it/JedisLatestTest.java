package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Jedis, the latest version (the test-scope one), including its {@code RedisClient} (formerly {@code JedisPooled}). */
class JedisLatestTest extends JedisScenario {

  @Override
  String expectedJar() {
    return "jedis-8.";
  }

  @Test
  @Order(6)
  void timesRedisClientAndReadsItsPool() throws Exception {
    assertAdds("pooled", "pooled true", "SET", 1, "GET", 1);
    String name = poolName() + "#2";
    double borrows = app.scrape().value("db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name", name);
    assertAdds("pooled", "pooled true", "SET", 1, "GET", 1);
    Scrape scrape = app.scrape();
    assertEquals(borrows + 2, scrape.value("db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name", name),
        "one borrow per command");
    assertEquals(8, scrape.value("db_client_connection_max", "db_client_connection_pool_name", name));
  }
}
