package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import dev.monitor.it.apps.JedisApp;
import dev.monitor.it.apps.LettuceApp;
import org.junit.jupiter.api.Test;

/**
 * The demo and the test applications under the agent on a JDK newer than the build's: Redis
 * clients, socket servers, the demo's servlets, async requests and JDBC, and Tomcat's
 * virtual-thread executor. Each JDK's test names its home ({@link Jdk25SmokeTest},
 * {@link Jdk21SmokeTest}); where that JDK is not installed the test skips and says so, and in
 * CI (CI set) it fails instead.
 */
abstract class NewJdkScenario {

  /** The JDK's home; skips (fails in CI) where it is not installed. */
  abstract String home();

  /** {@code home} when its bin/java runs; otherwise skips, or fails in CI with how to get it. */
  static String installed(String home, String which, String howToGetIt) {
    boolean present = Files.isExecutable(Paths.get(home, "bin", "java"));
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("no " + which + " at " + home + ": CI must run these tests (" + howToGetIt + ")");
    }
    assumeTrue(present, "no " + which + " at " + home + " (" + howToGetIt + ")");
    return home;
  }

  @Test
  void redisClientsAreTimed() throws Exception {
    String home = home();
    try (Redis redis = Redis.started()) {
      for (String app : new String[] {JedisApp.class.getName(), LettuceApp.class.getName()}) {
        try (ChildJvm child =
            ChildJvm.builder(app).javaHome(home).property("redis.port", String.valueOf(redis.port)).start()) {
          assertEquals("mixed true PONG", child.app("/mix").body().trim(), app);
          assertEquals(4, child.scrape().value("db_client_operation_duration_seconds_count",
              java.util.Map.of("db_system_name", "redis", "db_operation_name", "GET")), app);
        }
      }
    }
  }

  @Test
  void socketServersAreCounted() throws Exception {
    String home = home();
    try (ChildJvm server = ChildJvm.builder("dev.monitor.it.apps.SocketIoApp").javaHome(home).start()) {
      String port = server.app("/port").body().trim();
      try (ChildJvm clients =
          ChildJvm.builder("dev.monitor.it.apps.SocketIoClients").withoutAgent()
              .property("socketio.url", "http://127.0.0.1:" + port).start()) {
        assertEquals("connected 2", clients.app("/connect?n=2").body().trim());
        assertEquals("acked 2", clients.app("/emit?event=message&n=1").body().trim());
        Scrape s = server.scrape();
        assertEquals(2, s.sum("socketio_server_connections_active"));
        assertEquals(2, s.sum("socketio_server_events_total", "socketio_event", "message", "direction", "received"));
      }
    }
    try (ChildJvm app = ChildJvm.builder("dev.monitor.it.apps.WebSocketTomcatApp").javaHome(home).start()) {
      WsClient client = WsClient.connect("ws://localhost:" + app.appPort + "/ws/chat/smoke");
      assertEquals("echo:hi", client.ask("hi"));
      client.close(1000);
      Scrape s = app.scrape();
      assertEquals(1, s.sum("websocket_server_sessions_closed_total", "websocket_close_class", "normal"));
      assertEquals(1, s.sum("websocket_server_messages_total", "direction", "sent"));
    }
  }

  @Test
  void theDemoCountsExactly() throws Exception {
    String home = home();
    try (ChildJvm app = ChildJvm.builder("dev.monitor.demo.DemoService").javaHome(home)
        .jvmOption("-XshowSettings:properties").start()) {
      String release = Files.readString(Paths.get(home, "release"));
      java.util.regex.Matcher feature = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
      org.junit.jupiter.api.Assertions.assertTrue(feature.find(), release);
      org.junit.jupiter.api.Assertions.assertTrue(app.output().contains("java.specification.version = " + feature.group(1)),
          "the demo runs on the JDK named (" + feature.group(1) + ")");
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.app("/api/users/" + i).statusCode());
      }
      assertEquals(200, app.app("/api/async?ms=20").statusCode());
      assertEquals(500, app.app("/api/fail").statusCode());
      assertEquals(200, app.app("/api/db/users/7").statusCode());
      Scrape s = app.scrape();
      assertEquals(1, s.value("db_client_operation_duration_seconds_count",
          "db_system_name", "h2", "db_operation_name", "SELECT", "db_collection_name", "users"));
      assertEquals(3, ServletScenario.count(s, "GET", "/api/users/{id}", "200"));
      assertEquals(1, ServletScenario.count(s, "GET", "/api/async", "200"));
      assertEquals(1, ServletScenario.count(s, "GET", "/api/fail", "500"));
      assertEquals(200, app.monitor("/health").statusCode());
    }
  }

  /** Tomcat's virtual-thread executor: each request on a virtual thread, fifty at once. */
  @Test
  void requestsOnVirtualThreadsCountExactly() throws Exception {
    String home = home();
    try (ChildJvm app =
        ChildJvm.builder("dev.monitor.demo.DemoService").javaHome(home).property("demo.virtualThreads", "true").start()) {
      java.util.List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String path = i % 5 == 0 ? "/api/db/users/" + (i + 1) : i % 5 == 1 ? "/api/async?ms=30" : "/api/users/" + i;
        calls.add(ChildJvm.HTTP.sendAsync(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.appPort + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()));
      }
      for (java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>> call : calls) {
        assertEquals(200, call.get().statusCode());
        assertEquals("true", call.get().headers().firstValue("X-Virtual-Thread").orElse(""), "served on a virtual thread");
      }
      Scrape s = app.scrape();
      assertEquals(30, ServletScenario.count(s, "GET", "/api/users/{id}", "200"));
      assertEquals(10, ServletScenario.count(s, "GET", "/api/async", "200"));
      assertEquals(10, ServletScenario.count(s, "GET", "/api/db/users/{id}", "200"));
      assertEquals(10, s.value("db_client_operation_duration_seconds_count",
          "db_system_name", "h2", "db_operation_name", "SELECT", "db_collection_name", "users"));
      assertEquals(50, s.sum(ServletScenario.DURATION + "_count"));
      assertEquals(0, s.sum("http_server_active_requests"));
    }
  }
}
