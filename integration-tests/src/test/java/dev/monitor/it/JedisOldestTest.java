package dev.monitor.it;

/** Jedis 3.0.0, the oldest supported version, swapped in for the test-scope one. */
class JedisOldestTest extends JedisScenario {

  @Override
  ChildJvm.Builder customize(ChildJvm.Builder builder) {
    return builder.replacing("jedis-", "jedis-3.0.0.jar");
  }

  @Override
  String expectedJar() {
    return "jedis-3.0.0.jar";
  }
}
