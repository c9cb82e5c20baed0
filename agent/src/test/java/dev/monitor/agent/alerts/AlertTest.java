package dev.monitor.agent.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertTest {

  final Alert alert =
      new Alert(new AlertRule("error-rate", "d", "ratio", AlertRule.WARNING, 0.05, Duration.ofSeconds(10), () -> null));

  @Test
  void firesOnlyAfterStayingAboveForTheDuration() {
    assertEquals(Alert.Transition.NONE, alert.update(0.2, 0));
    assertEquals(Alert.State.PENDING, alert.state);
    assertEquals(Alert.Transition.NONE, alert.update(0.3, 9_999));
    assertEquals(Alert.State.PENDING, alert.state);
    assertEquals(Alert.Transition.FIRED, alert.update(0.25, 10_000));
    assertEquals(Alert.State.FIRING, alert.state);
    assertEquals(0.25, alert.valueAtFiring);
    assertEquals(Alert.Transition.NONE, alert.update(0.5, 20_000));
    assertEquals(Alert.Transition.RESOLVED, alert.update(0.05, 21_000)); // at the threshold is not above
    assertEquals(Alert.State.INACTIVE, alert.state);
    assertEquals(21_000, alert.resolvedAtMillis);
  }

  @Test
  void aDipBelowWhilePendingStartsTheDurationAgain() {
    alert.update(0.2, 0);
    alert.update(0.01, 5_000);
    assertEquals(Alert.State.INACTIVE, alert.state);
    alert.update(0.2, 6_000);
    assertEquals(Alert.Transition.NONE, alert.update(0.2, 15_000));
    assertEquals(Alert.Transition.FIRED, alert.update(0.2, 16_000));
  }

  @Test
  void noDataIsNotCrossedAndAZeroDurationFiresAtOnce() {
    assertEquals(Alert.Transition.NONE, alert.update(null, 0));
    assertEquals(Alert.State.INACTIVE, alert.state);
    Alert now = new Alert(alert.rule.with(null, Duration.ZERO, AlertRule.CRITICAL, null));
    assertEquals(Alert.Transition.FIRED, now.update(0.06, 0));
    assertEquals(AlertRule.CRITICAL, now.rule.severity);
    assertEquals(Alert.Transition.RESOLVED, now.update(null, 1));
  }
}
