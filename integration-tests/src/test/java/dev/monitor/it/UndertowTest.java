package dev.monitor.it;

/** Undertow 2.3 (Servlet 6), as WildFly and Spring Boot's Undertow starter embed it. */
class UndertowTest extends ServletContainerScenario {

  @Override
  String container() {
    return "undertow";
  }

  @Override
  String announced() {
    return "Undertow/2.3.";
  }

  @Override
  String contextPath() {
    return "";
  }
}
