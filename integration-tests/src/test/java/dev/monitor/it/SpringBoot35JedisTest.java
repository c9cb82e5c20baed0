package dev.monitor.it;

/** The Spring Boot 3.5 application with Spring Data Redis on Jedis. */
class SpringBoot35JedisTest extends SpringBootScenario {

  @Override
  String module() {
    return "spring-boot-3.5";
  }

  @Override
  String clientType() {
    return "jedis";
  }
}
