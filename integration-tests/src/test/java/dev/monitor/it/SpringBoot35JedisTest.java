package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot 3.5 application with Spring Data Redis on Jedis ({@code JedisConnectionFactory}
 * over a {@code JedisPool}): the pool is named by its server, as every Jedis pool is.
 */
class SpringBoot35JedisTest extends SpringBoot35Scenario {

  @Override
  String clientType() {
    return "jedis";
  }

  @Test
  @Order(2)
  void theJedisPoolIsNamedByItsServer() throws Exception {
    Scrape s = app.scrape();
    String pool = "jedis@localhost:" + redis.port;
    assertEquals(8, s.value("db_client_connection_max", "db_client_connection_pool_name", pool), s.text);
    assertEquals(0, s.value("db_client_connection_count", "db_client_connection_pool_name", pool, "db_client_connection_state", "used"));
  }
}
