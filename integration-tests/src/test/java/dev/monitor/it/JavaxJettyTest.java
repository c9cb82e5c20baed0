package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A javax.servlet application on Jetty 9.4 under the context path /shop. */
class JavaxJettyTest extends ServletScenario {

  @Override
  ChildJvm start() throws Exception {
    return ChildJvm.builder("dev.monitor.it.apps.JavaxJettyApp").start();
  }

  @Override
  String contextPath() {
    return "/shop";
  }

  @Override
  String failureType() {
    return "java.lang.UnsupportedOperationException";
  }

  @Override
  int asyncStatus() {
    return 202;
  }

  @Override
  void driveOwnTraffic() throws Exception {
    // slugs are not id-like, but the framework's template names the route
    assertEquals(200, app.app("/shop/api/items/blue-shirt").statusCode());
    assertEquals(200, app.app("/shop/api/items/red-hat").statusCode());
  }

  @Override
  int expectedRequests() {
    return SHARED_REQUESTS + 2;
  }

  @Override
  int expectedErrors() {
    return 4;
  }

  @Test
  void aFrameworksTemplateNamesTheRoute() throws Exception {
    assertEquals(2, count(app.scrape(), "GET", "/shop/api/items/{sku}", "200"));
  }

  @Test
  void anAdviceThatFailsIsSkippedCountedAndLoggedOnce() throws Exception {
    // the app's own call with a broken request: the advice failed, the filter still ran
    String out = app.output();
    assertEquals(1, ChildJvm.occurrences(out, "FILTER RAN"));
    assertEquals(1, ChildJvm.occurrences(out, "advice failed and was skipped"));
    JsonNode agent = JSON.readTree(app.monitor("/metrics.json").body()).get("agent");
    assertEquals(1, agent.get("adviceErrors").asLong());
  }
}
