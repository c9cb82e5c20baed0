package dev.monitor.it;

/** The Spring Boot 2.7 application (javax.servlet on Tomcat 9) with Spring Data Redis on Lettuce. */
class SpringBoot27LettuceTest extends SpringBootScenario {

  @Override
  String module() {
    return "spring-boot-2.7";
  }

  @Override
  String clientType() {
    return "lettuce";
  }
}
