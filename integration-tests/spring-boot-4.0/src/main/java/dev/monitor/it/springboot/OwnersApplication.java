package dev.monitor.it.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * A small Spring Boot 4 service in the shape of Petclinic: MVC controllers with path variables and
 * a class-level mapping, an error page, JDBC through Boot's HikariCP over an embedded H2 (Boot's
 * generated database name), Redis through Spring Data Redis with Lettuce. Prints
 * {@code READY http://localhost:<port>} once its server listens, for the tests.
 */
@SpringBootApplication
public class OwnersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OwnersApplication.class, args);
  }

  @Bean
  ApplicationListener<WebServerInitializedEvent> announcePort() {
    return event -> System.out.println("READY http://localhost:" + event.getWebServer().getPort());
  }
}
