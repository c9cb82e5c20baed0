package dev.monitor.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainApplicationTest {

  @Test
  void aJarGivesItsFileName() {
    assertEquals("orders-1.2", MainApplication.fromCommand("/srv/orders-1.2.jar --port 80").name);
  }

  @Test
  void aMainClassGivesItsSimpleName() {
    assertEquals("Orders", MainApplication.fromCommand("com.acme.Orders --port 80").name);
  }

  @Test
  void containerLaunchersNameTheContainer() {
    assertEquals("tomcat", MainApplication.fromCommand("org.apache.catalina.startup.Bootstrap start").name);
    assertEquals("jetty", MainApplication.fromCommand("/opt/jetty-home-12.1.5/start.jar jetty.base=/srv/shop").name);
    assertEquals("jetty", MainApplication.fromCommand("org.eclipse.jetty.start.Main jetty.base=/srv/shop").name);
  }

  @Test
  void nothingGivesOpenTelemetrysUnknownService() {
    assertEquals("unknown_service:java", MainApplication.fromCommand("  ").name);
  }
}
