package dev.monitor.agent.health;

import java.util.Map;

/**
 * One thing the health endpoints report. {@link #check} fills {@code details} and returns the
 * status; it may block (a database ping), so {@link HealthChecks} runs it with a timeout and
 * caches the result.
 */
public interface HealthCheck {

  /** Which probes a check takes part in. */
  enum Kind {
    /** Liveness: the process itself is broken (deadlock); never an external system. */
    LIVENESS,
    /** Readiness: a dependency the service uses (database, Redis). */
    DEPENDENCY,
    /** Resources of this machine and JVM: reported, never fails a probe by itself. */
    RESOURCE,
    /**
     * A server of the service's own besides its HTTP port (a Socket.IO server): reported, and
     * DOWN makes {@code /health} DEGRADED; never fails a probe by itself.
     */
    COMPONENT
  }

  String name();

  Kind kind();

  /**
   * The endpoint group a dependency check belongs to ({@code database} for
   * {@code /health/database}, {@code redis} for {@code /health/redis}); null for none.
   */
  default String group() {
    return null;
  }

  HealthStatus check(Map<String, Object> details) throws Exception;
}
