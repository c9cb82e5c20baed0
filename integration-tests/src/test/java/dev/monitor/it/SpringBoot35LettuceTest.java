package dev.monitor.it;

/** The Spring Boot 3.5 application with Spring Data Redis on Lettuce. */
class SpringBoot35LettuceTest extends SpringBootScenario {

  @Override
  String module() {
    return "spring-boot-3.5";
  }

  @Override
  String clientType() {
    return "lettuce";
  }
}
