package dev.monitor.it;

/** The Spring Boot 4.0 application with Spring Data Redis on Lettuce. */
class SpringBoot40LettuceTest extends SpringBootScenario {

  @Override
  String module() {
    return "spring-boot-4.0";
  }

  @Override
  String clientType() {
    return "lettuce";
  }
}
