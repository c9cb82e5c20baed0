package dev.monitor.it;

/**
 * {@link NewJdkScenario} on the newest JDK at hand (Temurin 25 on this project's machines, or
 * the JDK named by {@code -Dmonitor.test.newJdk}), so a new class-file version is never a
 * surprise.
 */
class Jdk25SmokeTest extends NewJdkScenario {

  /** The JDK 25 home; skips the test where there is none, fails in CI. */
  static String newJdk() {
    return installed(System.getProperty("monitor.test.newJdk", "/usr/lib/jvm/temurin-25-jdk-amd64"), "JDK 25",
        "install Temurin 25 or set -Dmonitor.test.newJdk");
  }

  @Override
  String home() {
    return newJdk();
  }
}
