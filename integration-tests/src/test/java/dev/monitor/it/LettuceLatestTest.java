package dev.monitor.it;

/** Lettuce, the latest version (the test-scope one). */
class LettuceLatestTest extends LettuceScenario {

  @Override
  String expectedJar() {
    return "lettuce-core-7.";
  }

  /** Lettuce 6 and later expire commands on their own (timeout options on by default). */
  @Override
  String timeoutErrorType() {
    return "io.lettuce.core.RedisCommandTimeoutException";
  }
}
