package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The shared servlet traffic on a container of {@code integration-tests/servlet-containers}'s
 * runnable jar (Jetty 12 ee10, Undertow 2.3: their classes would clash with the test class
 * path's), plus a 404 on a path no servlet maps.
 */
abstract class ServletContainerScenario extends ServletScenario {

  /** {@code jetty12} or {@code undertow}. */
  abstract String container();

  /** What the container says it is ({@code Jetty/12.1.14}). */
  abstract String announced();

  @Override
  ChildJvm start() throws Exception {
    return ChildJvm.builder("servlet-containers")
        .jar(Paths.get("servlet-containers", "target", "servlet-containers.jar").toAbsolutePath(), container(), contextPath())
        .start();
  }

  @Override
  String failureType() {
    return "java.lang.IllegalArgumentException";
  }

  @Override
  int asyncStatus() {
    return 200;
  }

  @Override
  void driveOwnTraffic() throws Exception {
    assertEquals(404, app.app(contextPath() + "/no/such/page/42").statusCode());
  }

  @Override
  int expectedRequests() {
    return SHARED_REQUESTS + 1;
  }

  @Override
  int expectedErrors() {
    return 4;
  }

  @Test
  void runsTheContainerUnderTestAndCountsAnUnmappedPathAsNotFound() throws Exception {
    assertTrue(app.outputContains("container " + announced()), "runs " + announced());
    assertEquals(1, count(app.scrape(), "GET", "NOT_FOUND", "404"));
  }
}
