package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.LettuceApp;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Lettuce the pom copies between the oldest and the latest (a version is one line): the
 * same command mix through the sync and the reactive API counted exactly, the server named in
 * the Redis health check, and readiness following redis-server down and back up.
 */
class LettuceVersionsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DURATION = RedisScenario.DURATION;

  static List<String> jars() throws IOException {
    return OtherVersions.jars("lettuce-core-", "lettuce-core-5.0.0.RELEASE.jar");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jars")
  void commandsAndHealthNameTheServer(String jar) throws Exception {
    try (Redis redis = Redis.started();
        ChildJvm app =
            ChildJvm.builder(LettuceApp.class.getName())
                .property("redis.port", String.valueOf(redis.port))
                .replacing("lettuce-core-", jar)
                .start()) {
      assertTrue(app.output().contains(jar), "runs on " + jar);
      assertEquals("mixed true PONG\n", app.app("/mix?api=sync").body());
      assertEquals("mixed true PONG\n", app.app("/mix?api=reactive").body());
      Scrape scrape = app.scrape();
      assertEquals(6, scrape.sum(DURATION + "_count", "db_system_name", "redis", "db_operation_name", "SET"));
      assertEquals(8, scrape.sum(DURATION + "_count", "db_system_name", "redis", "db_operation_name", "GET"));
      assertEquals(2, scrape.sum(DURATION + "_count", "db_system_name", "redis", "db_operation_name", "EVAL"));

      String check = "redis:127.0.0.1:" + redis.port;
      JsonNode health = JSON.readTree(app.monitor("/health/redis").body());
      assertEquals("UP", health.get("checks").get(check).get("status").asText(), health.toString());

      redis.stopAndStartUnder(app);
    }
  }
}
