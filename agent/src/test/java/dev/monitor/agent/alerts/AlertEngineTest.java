package dev.monitor.agent.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

  /**
   * A signal takes the registry's lock (as every real one does, through summarize) while a scrape
   * holds it and reads the engine's gauge: both must go on. Before the fix this deadlocked within
   * a few hundred rounds.
   */
  @Test
  void aScrapeAndAnEvaluationNeverDeadlock() throws Exception {
    MetricRegistry registry = new MetricRegistry();
    AlertEngine engine =
        new AlertEngine(
            Collections.singletonList(
                new AlertRule("busy", "d", "ratio", AlertRule.WARNING, 0.5, Duration.ZERO, () -> {
                  registry.harvest();
                  return 1.0;
                })));
    engine.registerGauge(registry);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread evaluator = new Thread(() -> {
      for (int i = 0; i < 20_000; i++) {
        engine.evaluate(i);
      }
    }, "evaluator");
    Thread scraper = new Thread(() -> {
      try {
        for (int i = 0; i < 20_000; i++) {
          List<MetricFamily> families = registry.collect();
          assertEquals(1, families.size());
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "scraper");
    evaluator.setDaemon(true);
    scraper.setDaemon(true);
    evaluator.start();
    scraper.start();
    evaluator.join(30_000);
    scraper.join(30_000);
    assertFalse(evaluator.isAlive() || scraper.isAlive(), "the evaluation and the scrape are stuck on each other");
    assertEquals(null, failure.get());
    assertEquals(1, engine.describe().get("firing"));
  }
}
