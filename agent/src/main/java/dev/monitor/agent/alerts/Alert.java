package dev.monitor.agent.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one rule: INACTIVE, PENDING once its signal is above the threshold, FIRING once
 * it has stayed above for the rule's duration, and back to INACTIVE (resolved) as soon as it is
 * not. Not thread-safe: {@link AlertEngine} serializes updates and reads.
 */
final class Alert {

  enum State {
    INACTIVE,
    PENDING,
    FIRING
  }

  /** What an update changed, for the engine to tell. */
  enum Transition {
    NONE,
    FIRED,
    RESOLVED
  }

  final AlertRule rule;
  State state = State.INACTIVE;
  Double value;
  long pendingSinceMillis;
  long firedAtMillis;
  double valueAtFiring;
  long resolvedAtMillis;

  Alert(AlertRule rule) {
    this.rule = rule;
  }

  Transition update(Double current, long nowMillis) {
    value = current;
    boolean crossed = current != null && current > rule.threshold;
    switch (state) {
      case INACTIVE:
        if (!crossed) {
          return Transition.NONE;
        }
        state = State.PENDING;
        pendingSinceMillis = nowMillis;
        return fireIfDue(current, nowMillis);
      case PENDING:
        if (!crossed) {
          state = State.INACTIVE;
          return Transition.NONE;
        }
        return fireIfDue(current, nowMillis);
      default:
        if (crossed) {
          return Transition.NONE;
        }
        state = State.INACTIVE;
        resolvedAtMillis = nowMillis;
        return Transition.RESOLVED;
    }
  }

  private Transition fireIfDue(double current, long nowMillis) {
    if (nowMillis - pendingSinceMillis < rule.forDuration.toMillis()) {
      return Transition.NONE;
    }
    state = State.FIRING;
    firedAtMillis = nowMillis;
    valueAtFiring = current;
    return Transition.FIRED;
  }

  boolean firing() {
    return state == State.FIRING;
  }

  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", rule.name);
    out.put("severity", rule.severity);
    out.put("state", state.name());
    out.put("value", value == null ? null : round(value));
    out.put("threshold", rule.threshold);
    out.put("unit", rule.unit);
    out.put("forSeconds", rule.forDuration.toMillis() / 1000.0);
    if (rule.window != null) {
      out.put("windowSeconds", rule.window.toMillis() / 1000.0);
    }
    out.put("description", rule.description);
    if (state == State.PENDING) {
      out.put("pendingSince", Instant.ofEpochMilli(pendingSinceMillis).toString());
    }
    if (firedAtMillis > 0) {
      out.put("firedAt", Instant.ofEpochMilli(firedAtMillis).toString());
      out.put("valueAtFiring", round(valueAtFiring));
    }
    if (resolvedAtMillis > 0) {
      out.put("resolvedAt", Instant.ofEpochMilli(resolvedAtMillis).toString());
    }
    return out;
  }

  static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }
}
