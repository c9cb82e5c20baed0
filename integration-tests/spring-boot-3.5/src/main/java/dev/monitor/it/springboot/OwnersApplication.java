package dev.monitor.it.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * A small Spring Boot service (the same sources build the Boot 3.5 and the Boot 4.0 application) in the shape of Petclinic: MVC controllers with path variables and
 * a class-level mapping, an error page, JDBC through Boot's HikariCP over an embedded H2 (Boot's
 * generated database name), Redis through Spring Data Redis with Lettuce. Prints
 * {@code READY http://localhost:<port>} once its server listens, for the tests.
 */
@SpringBootApplication
public class OwnersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OwnersApplication.class, args);
  }

  /** {@code local.server.port} and the ready event mean the same in Boot 3 and 4 (the web server's event moved). */
  @Bean
  ApplicationListener<ApplicationReadyEvent> announcePort() {
    return event ->
        System.out.println(
            "READY http://localhost:" + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
  }
}
