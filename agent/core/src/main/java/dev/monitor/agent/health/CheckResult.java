package dev.monitor.agent.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of one check: status, how long it took, and details a person can read. Immutable. */
public final class CheckResult {

  public final String name;
  public final HealthStatus status;
  public final double responseTimeMs;
  /** Values are strings, numbers, booleans, lists or maps of those. */
  public final Map<String, Object> details;

  CheckResult(String name, HealthStatus status, double responseTimeMs, Map<String, Object> details) {
    this.name = name;
    this.status = status;
    this.responseTimeMs = responseTimeMs;
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
