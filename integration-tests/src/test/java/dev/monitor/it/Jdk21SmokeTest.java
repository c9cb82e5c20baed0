package dev.monitor.it;

/**
 * {@link NewJdkScenario} on JDK 21, the long-term release between the build's 17 and 25 and the
 * first with virtual threads: Debian 13's OpenJDK 21, which {@code .ci/jdk21} unpacks into
 * {@code ~/.cache/monitor/jdk-21} (or the JDK named by {@code -Dmonitor.test.jdk21}).
 */
class Jdk21SmokeTest extends NewJdkScenario {

  /** The JDK 21 home; skips the test where there is none, fails in CI. */
  static String jdk21() {
    return installed(System.getProperty("monitor.test.jdk21", System.getProperty("user.home") + "/.cache/monitor/jdk-21"),
        "JDK 21", "run .ci/jdk21 or set -Dmonitor.test.jdk21");
  }

  @Override
  String home() {
    return jdk21();
  }
}
