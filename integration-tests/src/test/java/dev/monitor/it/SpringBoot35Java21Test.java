package dev.monitor.it;

/**
 * The Spring Boot 3.5 application with Lettuce, from its fat jar, on JDK 21 (the JDK most Boot
 * 3 services run): the whole Spring Boot scenario. Skipped where there is no JDK 21, failing
 * instead in CI, as {@link Jdk21SmokeTest}.
 */
class SpringBoot35Java21Test extends SpringBoot35LettuceTest {

  @Override
  String javaHome() {
    return Jdk21SmokeTest.jdk21();
  }
}
