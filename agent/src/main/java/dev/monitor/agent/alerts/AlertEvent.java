package dev.monitor.agent.alerts;

/** One alert firing or resolving, as told to the webhook. An immutable snapshot of the alert. */
final class AlertEvent {

  enum Status {
    FIRING,
    RESOLVED
  }

  final Status status;
  final AlertRule rule;
  /** When firing, the value that crossed; when resolved, the value now (null: no data). */
  final Double value;
  final long firedAtMillis;
  /** 0 while firing. */
  final long resolvedAtMillis;

  private AlertEvent(Status status, AlertRule rule, Double value, long firedAtMillis, long resolvedAtMillis) {
    this.status = status;
    this.rule = rule;
    this.value = value;
    this.firedAtMillis = firedAtMillis;
    this.resolvedAtMillis = resolvedAtMillis;
  }

  static AlertEvent fired(Alert alert) {
    return new AlertEvent(Status.FIRING, alert.rule, alert.valueAtFiring, alert.firedAtMillis, 0);
  }

  static AlertEvent resolved(Alert alert) {
    return new AlertEvent(Status.RESOLVED, alert.rule, alert.value, alert.firedAtMillis, alert.resolvedAtMillis);
  }
}
