package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monitor.it.apps.ShortLivedApp;
import org.junit.jupiter.api.Test;

/**
 * The agent's threads never keep a JVM alive: when the application's last thread ends, the JVM
 * exits, endpoints or not. (The JDK HTTP server's dispatcher thread once kept it running.)
 */
class ShortLivedAppTest {

  @Test
  void theJvmExitsWhenTheApplicationsMainReturns() throws Exception {
    // long enough for the endpoints (started in the background) to listen: their threads are
    // what must not keep the JVM alive
    try (ChildJvm app =
        ChildJvm.builder(ShortLivedApp.class.getName()).property("shortLived.ms", "3000").start()) {
      assertTrue(app.exitsWithin(15), "the JVM is still running:\n" + app.output());
    }
  }
}
