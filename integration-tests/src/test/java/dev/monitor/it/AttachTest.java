package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.tools.attach.VirtualMachine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The agent attached to a JVM that is already serving (the Attach API's {@code loadAgent}, as
 * {@code jcmd} or a tool does it), not started with it: classes loaded before it came (Tomcat's
 * {@code HttpServlet}, HikariCP and H2, all used by a first request) are retransformed, and
 * requests after the attach count exactly. This path weaves with Byte Buddy's agent builder,
 * not with the premain one's transformer.
 */
class AttachTest {

  @Test
  void classesLoadedBeforeTheAttachAreInstrumentedAfterIt() throws Exception {
    int port = ServletDistributions.freePort();
    try (ChildJvm app = ChildJvm.builder("dev.monitor.demo.DemoService").withoutAgent().noMonitorPort()
        .property("monitor.http.port", String.valueOf(port))
        .start()) {
      assertEquals(200, app.app("/api/db/users/1").statusCode(), "before the agent: nothing records this one");

      VirtualMachine vm = VirtualMachine.attach(String.valueOf(app.pid()));
      try {
        vm.loadAgent(ChildJvm.AGENT.toString());
      } finally {
        vm.detach();
      }
      ServletDistributions.awaitOutput(app, "endpoints listening on", 1);

      for (int i = 1; i <= 3; i++) {
        assertEquals(200, app.app("/api/users/" + i).statusCode());
        assertEquals(200, app.app("/api/db/users/" + i).statusCode());
      }
      HttpResponse<String> metrics = ChildJvm.HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      Scrape s = Scrape.parse(metrics.body());
      assertEquals(3, ServletScenario.count(s, "GET", "/api/users/{id}", "200"));
      assertEquals(3, ServletScenario.count(s, "GET", "/api/db/users/{id}", "200"));
      assertEquals(3, s.value("db_client_operation_duration_seconds_count", "db_system_name", "h2",
          "db_operation_name", "SELECT", "db_collection_name", "users"), "statements prepared after the attach");
    }
  }
}
