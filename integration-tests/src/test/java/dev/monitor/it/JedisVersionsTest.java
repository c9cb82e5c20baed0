package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JedisApp;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Jedis version the build copies to {@code target/other-versions} (a version is one line
 * in the pom) behind a {@code JedisPool(config, host, port)}, as Spring Boot configures it: the
 * commands are counted, the pool and the Redis health check name the server, and readiness
 * follows the server down and back up. Jedis 4 to 7 hide the connection's address (a
 * package-private getter); this is where that showed.
 */
class JedisVersionsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static List<String> jars() throws IOException {
    return OtherVersions.jars("jedis-", "jedis-3.0.0.jar");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jars")
  void commandsPoolAndHealthNameTheServer(String jar) throws Exception {
    try (Redis redis = Redis.started();
        ChildJvm app =
            ChildJvm.builder(JedisApp.class.getName())
                .property("redis.port", String.valueOf(redis.port))
                .replacing("jedis-", jar)
                .start()) {
      assertTrue(app.outputContains("APP jedis from ") && app.outputContains(jar), "runs on " + jar);
      assertEquals("mixed true PONG\n", app.app("/mix").body());
      String pool = "jedis@127.0.0.1:" + redis.port;
      Scrape scrape = app.scrape();
      assertEquals(3, scrape.sum(RedisScenario.DURATION + "_count", "db_system_name", "redis", "db_operation_name", "SET"));
      assertEquals(4, scrape.sum(RedisScenario.DURATION + "_count", "db_system_name", "redis", "db_operation_name", "GET"));
      assertEquals(2, scrape.value("db_client_connection_max", "db_client_connection_pool_name", pool), scrape.text);
      assertEquals(1, scrape.value("db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name", pool));

      String check = "redis:127.0.0.1:" + redis.port;
      JsonNode health = JSON.readTree(app.monitor("/health/redis").body());
      assertEquals("UP", health.get("checks").get(check).get("status").asText(), health.toString());

      redis.stopAndStartUnder(app);
    }
  }
}
