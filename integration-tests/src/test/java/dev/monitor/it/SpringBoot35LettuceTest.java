package dev.monitor.it;

/** The Spring Boot 3.5 application with Spring Data Redis on Lettuce, Boot's default. */
class SpringBoot35LettuceTest extends SpringBoot35Scenario {

  @Override
  String clientType() {
    return "lettuce";
  }
}
