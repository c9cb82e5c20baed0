package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every Redis client must show under the agent: a real redis-server of the test's own, a
 * child JVM with a client application (Jedis or Lettuce, a version chosen by the subclass),
 * known commands counted exactly, error replies typed, no argument anywhere, and the server's
 * health going DOWN and back UP. Tests run in order on one child; counts are compared before
 * and after each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RedisScenario {

  static final String DURATION = "db_client_operation_duration_seconds";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] SECRETS = {"secret-value-xyz", "secret-key-abc"};

  Redis redis;
  ChildJvm app;

  abstract String mainClass();

  /** The client library's jar the app must have run with ("jedis-8."…). */
  abstract String expectedJar();

  /** An operation that runs one command and answers "error <class> <word>" when Redis is down. */
  abstract String commandWhileDown();

  ChildJvm.Builder customize(ChildJvm.Builder builder) {
    return builder;
  }

  @BeforeAll
  void start() throws Exception {
    redis = Redis.started();
    app = customize(ChildJvm.builder(mainClass()).property("redis.port", String.valueOf(redis.port))).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  String run(String path) throws Exception {
    HttpResponse<String> response = app.app("/" + path);
    assertEquals(200, response.statusCode());
    return response.body().trim();
  }

  /** Commands of one name counted so far (no error: errorType null). */
  long count(Scrape scrape, String command, String errorType) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("db_system_name", "redis");
    labels.put("db_operation_name", command);
    if (errorType != null) {
      labels.put("error_type", errorType);
      if (!errorType.contains(".")) {
        labels.put("db_response_status_code", errorType);
      }
    }
    double value = scrape.value(DURATION + "_count", labels);
    return Double.isNaN(value) ? 0 : (long) value;
  }

  long count(String command) throws Exception {
    return count(app.scrape(), command, null);
  }

  /** Runs {@code path} and checks how many of each command it added: name, count, name, count… */
  void assertAdds(String path, String expectedAnswer, Object... commandsAndCounts) throws Exception {
    Scrape before = app.scrape();
    assertEquals(expectedAnswer, run(path));
    Scrape after = app.scrape();
    for (int i = 0; i < commandsAndCounts.length; i += 2) {
      String command = (String) commandsAndCounts[i];
      long expected = ((Number) commandsAndCounts[i + 1]).longValue();
      assertEquals(expected, count(after, command, null) - count(before, command, null), command + " after " + path);
    }
  }

  JsonNode json(String path) throws Exception {
    return JSON.readTree(app.monitor(path).body());
  }

  @Test
  @Order(0)
  void runsTheExpectedClientVersion() throws Exception {
    assertTrue(app.output().contains(expectedJar()), app.output());
  }

  @Test
  @Order(50)
  void neverShowsACommandArgument() throws Exception {
    String metrics = app.monitor("/metrics").body();
    String summary = app.monitor("/metrics.json").body();
    String health = app.monitor("/health/detailed").body();
    String output = app.output();
    for (String secret : SECRETS) {
      assertFalse(metrics.contains(secret), secret + " in /metrics");
      assertFalse(summary.contains(secret), secret + " in /metrics.json");
      assertFalse(health.contains(secret), secret + " in /health/detailed");
      assertFalse(output.contains(secret), secret + " in the log");
    }
    assertTrue(metrics.contains("db_system_name=\"redis\""), "redis series present");
  }

  @Test
  @Order(60)
  void reportsTheServerHealthWithItsVersion() throws Exception {
    HttpResponse<String> response = app.monitor("/health/redis");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode checks = JSON.readTree(response.body()).get("checks");
    String name = "redis:127.0.0.1:" + redis.port;
    JsonNode check = checks.get(name);
    assertTrue(check != null, "check " + name + " in " + checks);
    assertEquals("UP", check.get("status").asText());
    assertTrue(check.get("responseTimeMs").asDouble() > 0);
    assertTrue(check.get("details").get("pingMs").asDouble() > 0);
    assertEquals(redis.version(), check.get("details").get("version").asText(), check.toString());
    assertTrue(json("/health/detailed").get("checks").has(name));
    assertEquals(200, app.monitor("/health/ready").statusCode());
  }

  @Test
  @Order(70)
  void aStoppedServerFailsReadinessButNotLivenessAndRecovers() throws Exception {
    redis.stop();
    JsonNode ready = JSON.readTree(app.awaitMonitor("/health/ready", 503));
    assertEquals("DOWN", ready.get("status").asText());
    assertEquals(200, app.monitor("/health/live").statusCode());
    assertEquals(503, app.monitor("/health/redis").statusCode());
    String answer = run(commandWhileDown());
    assertTrue(answer.startsWith("error "), answer);
    String errorClass = answer.split(" ")[1];
    Scrape scrape = app.scrape();
    assertTrue(scrape.sum(DURATION + "_count", "db_system_name", "redis", "error_type", errorClass) >= 1,
        "a connection error is counted with its class " + errorClass);
    assertTrue(Double.isNaN(scrape.value(DURATION + "_count", "db_system_name", "redis", "error_type", errorClass, "db_response_status_code", "ERR")),
        "a client-side failure carries no server status code");

    redis.start();
    JsonNode back = JSON.readTree(app.awaitMonitor("/health/ready", 200));
    assertEquals("UP", back.get("status").asText());
    afterRestart();
  }

  /** What must work again once the server is back. */
  abstract void afterRestart() throws Exception;
}
