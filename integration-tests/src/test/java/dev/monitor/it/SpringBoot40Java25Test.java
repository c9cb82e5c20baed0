package dev.monitor.it;

/**
 * The Spring Boot 4.0 application with Lettuce, from its fat jar, on JDK 25 (the newest
 * class-file version a Boot 4.0 user can run): the whole Spring Boot scenario. Skipped where
 * there is no JDK 25, failing instead in CI, as {@link Jdk25SmokeTest}.
 */
class SpringBoot40Java25Test extends SpringBoot40LettuceTest {

  @Override
  String javaHome() {
    return Jdk25SmokeTest.newJdk();
  }
}
