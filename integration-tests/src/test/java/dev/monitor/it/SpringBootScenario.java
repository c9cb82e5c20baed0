package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Spring Boot application (2.7, 3.5 or 4.0) started from its own fat jar (Boot's nested-jar class
 * loader, Boot's managed HikariCP, Lettuce or Jedis, and H2), in the shape of Petclinic: counts by
 * the MVC template, the handler's exception as error.type, unmatched paths as NOT_FOUND, the pool
 * as HikariCP names it, and Redis health following redis-server down and back. A subclass picks
 * the Boot version (its application module) and Spring Data Redis's client
 * ({@code spring.data.redis.client-type}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SpringBootScenario {

  static final String DURATION = ServletScenario.DURATION;
  static final ObjectMapper JSON = new ObjectMapper();
  Redis redis;
  ChildJvm app;

  /** {@code lettuce} (Boot's default) or {@code jedis}. */
  abstract String clientType();

  /** The application module under {@code integration-tests/}: {@code spring-boot-3.5}, {@code spring-boot-4.0}. */
  abstract String module();

  /** The JDK the application runs on; the tests' own unless a subclass names another. */
  String javaHome() {
    return System.getProperty("java.home");
  }

  @BeforeAll
  void start() throws Exception {
    redis = Redis.started();
    app = ChildJvm.builder("boot").javaHome(javaHome())
        .jar(Paths.get(module(), "target", "spring-boot-app.jar").toAbsolutePath(),
            "--spring.data.redis.port=" + redis.port, "--spring.data.redis.client-type=" + clientType(),
            // Boot 2.7's names for the same
            "--spring.redis.port=" + redis.port, "--spring.redis.client-type=" + clientType())
        .start();
    for (int id = 1; id <= 3; id++) {
      assertEquals(200, app.app("/owners/" + id).statusCode());
    }
    assertEquals(200, app.app("/owners/2/cached").statusCode());
    assertEquals(200, app.app("/owners/2/cached").statusCode());
    for (int i = 0; i < 2; i++) {
      assertEquals(500, app.app("/oups").statusCode());
    }
    assertEquals(404, app.app("/no/such/page").statusCode());
    assertEquals(404, app.app("/wp-login.php").statusCode());
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

  @Test
  @Order(1)
  void requestsCountByTemplateWithTheHandlersException() throws Exception {
    Scrape s = app.scrape();
    assertEquals(3, ServletScenario.count(s, "GET", "/owners/{id}", "200"));
    assertEquals(2, ServletScenario.count(s, "GET", "/owners/{id}/cached", "200"));
    assertEquals(2, s.value(DURATION + "_count", "http_route", "/oups", "http_response_status_code", "500",
        "error_type", "java.lang.RuntimeException"));
    assertFalse(s.text.contains("ServletException"));
    assertEquals(2, ServletScenario.count(s, "GET", "NOT_FOUND", "404"));
    assertTrue(Double.isNaN(ServletScenario.count(s, "GET", "/**", "404")), "no 404 lands on the resource handler's /**");
    assertEquals(9, s.sum(DURATION + "_count"), "each request once, the error page's forward included");
  }

  @Test
  @Order(2)
  void theDatabaseAndPoolAreNamedAsHikariAndBootNameThem() throws Exception {
    Scrape s = app.scrape();
    assertEquals(10, s.value("db_client_connection_max", "db_client_connection_pool_name", "HikariPool-1"));
    // 3 owners and 1 cache miss, on Boot's generated in-memory database, named stably
    assertEquals(4, s.value(DURATION.replace("http_server_request", "db_client_operation") + "_count",
        "db_system_name", "h2", "db_namespace", "mem", "db_operation_name", "SELECT", "db_collection_name", "owners"));
    JsonNode checks = JSON.readTree(app.monitor("/health/database").body()).get("checks");
    assertEquals("UP", checks.get("database:HikariPool-1").get("status").asText(), checks.toString());
  }

  /** Last: it stops and restarts redis-server and sends one more request. */
  @Test
  @Order(3)
  void redisIsTimedAndItsHealthFollowsTheServer() throws Exception {
    Scrape s = app.scrape();
    String redisDuration = "db_client_operation_duration_seconds_count";
    assertEquals(2, s.sum(redisDuration, "db_system_name", "redis", "db_operation_name", "GET"));
    assertEquals(1, s.sum(redisDuration, "db_system_name", "redis", "db_operation_name", "SET"));
    if (clientType().equals("jedis")) {
      // JedisConnectionFactory's JedisPool is named by its server, as every Jedis pool is
      String pool = "jedis@localhost:" + redis.port;
      assertEquals(8, s.value("db_client_connection_max", "db_client_connection_pool_name", pool), s.text);
    }
    String check = "redis:localhost:" + redis.port;
    JsonNode health = JSON.readTree(app.monitor("/health/redis").body());
    assertEquals("UP", health.get("checks").get(check).get("status").asText(), health.toString());

    redis.stopAndStartUnder(app);
    // Jedis's pool hands out its connections to the old server first (Boot does not test them
    // on borrow), so the first requests after the restart may fail; Lettuce reconnects itself
    int status = 0;
    for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
      status = app.app("/owners/3/cached").statusCode();
    }
    assertEquals(200, status, "the application reaches Redis again");
  }
}
