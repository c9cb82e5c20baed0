package dev.monitor.agent.health;

/** Ordered from best to worst; DEGRADED still serves (200), DOWN does not (503). */
public enum HealthStatus {
  UP,
  DEGRADED,
  DOWN;

  public HealthStatus worst(HealthStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  public int httpStatus() {
    return this == DOWN ? 503 : 200;
  }
}
