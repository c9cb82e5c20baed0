package dev.monitor.it;

/** Lettuce 5.0.0, the oldest supported version, swapped in for the test-scope one. */
class LettuceOldestTest extends LettuceScenario {

  @Override
  ChildJvm.Builder customize(ChildJvm.Builder builder) {
    return super.customize(builder)
        .replacing("lettuce-core-", "lettuce-core-5.0.0.RELEASE.jar")
        .replacing("reactor-core-", "reactor-core-3.1.16.RELEASE.jar");
  }

  @Override
  String expectedJar() {
    return "lettuce-core-5.0.0.RELEASE.jar";
  }

  /** Lettuce 5.0 has no timeout options: its sync API cancels the command it stopped waiting for. */
  @Override
  String timeoutErrorType() {
    return "io.lettuce.core.RedisCommandTimeoutException";
  }
}
