package dev.monitor.agent.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dependency check that hangs, as a pool's getConnection does while its database is stopped. */
class HealthChecksTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void releaseHungChecks() {
    release.countDown();
  }

  private final class Check implements HealthCheck {
    final String name;
    final Kind kind;
    final boolean hangs;
    volatile HealthStatus status = HealthStatus.UP;
    volatile int runs;

    Check(String name, Kind kind, boolean hangs) {
      this.name = name;
      this.kind = kind;
      this.hangs = hangs;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Kind kind() {
      return kind;
    }

    @Override
    public HealthStatus check(Map<String, Object> details) throws Exception {
      runs++;
      if (hangs) {
        release.await();
      }
      return status;
    }
  }

  @Test
  void aHungDependencyNeverDelaysLivenessNorAnotherDependency() {
    HealthChecks health = new HealthChecks(0, 300, log::add);
    Check threads = new Check("threads", HealthCheck.Kind.LIVENESS, false);
    Check database = new Check("database:app-pool", HealthCheck.Kind.DEPENDENCY, true);
    Check redis = new Check("redis:cache:6379", HealthCheck.Kind.DEPENDENCY, false);
    health.register(database);
    health.register(redis);
    health.register(threads);

    List<CheckResult> all = health.run();
    assertEquals(HealthStatus.DOWN, all.get(0).status);
    assertEquals("no answer within 300 ms", all.get(0).details.get("error"));
    assertEquals(HealthStatus.UP, all.get(1).status);
    assertEquals(HealthStatus.UP, all.get(2).status);

    // While the first run is still stuck, later probes get DOWN at once and start no second run.
    List<CheckResult> again = health.run(HealthCheck.Kind.DEPENDENCY);
    assertEquals(HealthStatus.DOWN, again.get(0).status);
    assertTrue(String.valueOf(again.get(0).details.get("error")).startsWith("no answer: the check has been running for"));
    assertEquals(1, database.runs);
    assertEquals(HealthStatus.UP, again.get(1).status);

    for (int i = 0; i < 20; i++) {
      assertEquals(HealthStatus.UP, health.run(HealthCheck.Kind.LIVENESS).get(0).status);
    }
    assertEquals(1 + 20, threads.runs);
  }

  @Test
  void oneDeadlineCoversEveryHungCheck() {
    HealthChecks health = new HealthChecks(0, 400, log::add);
    for (int i = 0; i < 5; i++) {
      health.register(new Check("database:pool-" + i, HealthCheck.Kind.DEPENDENCY, true));
    }
    long start = System.nanoTime();
    List<CheckResult> results = health.run();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    for (CheckResult result : results) {
      assertEquals(HealthStatus.DOWN, result.status);
    }
    // Five hung checks are awaited together, not one after another (5 x 400 ms).
    assertTrue(tookMillis < 1500, "took " + tookMillis + " ms");
  }

  @Test
  void logsOneLineWhenADependencyGoesDownAndOneWhenItIsBack() {
    HealthChecks health = new HealthChecks(0, 1000, log::add);
    Check database = new Check("database:app-pool", HealthCheck.Kind.DEPENDENCY, false);
    health.register(database);
    health.run();
    database.status = HealthStatus.DOWN;
    health.run();
    health.run();
    health.run();
    database.status = HealthStatus.UP;
    health.run();
    health.run();
    assertEquals(
        List.of("health check database:app-pool is DOWN", "health check database:app-pool is UP again"),
        log);
  }
}
