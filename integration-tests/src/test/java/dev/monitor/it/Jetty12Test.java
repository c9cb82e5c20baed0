package dev.monitor.it;

/** Jetty 12 with its ee10 (Servlet 6) environment, under the context path /store. */
class Jetty12Test extends ServletContainerScenario {

  @Override
  String container() {
    return "jetty12";
  }

  @Override
  String announced() {
    return "Jetty/12.";
  }

  @Override
  String contextPath() {
    return "/store";
  }
}
