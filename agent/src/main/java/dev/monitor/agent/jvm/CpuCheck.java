package dev.monitor.agent.jvm;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.util.Map;

/** Process CPU use: DEGRADED at {@value #DEGRADED_LOAD} of all processors or more. */
public final class CpuCheck implements HealthCheck {

  static final double DEGRADED_LOAD = 0.90;

  private final ProcessCpu cpu;

  public CpuCheck(ProcessCpu cpu) {
    this.cpu = cpu;
  }

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public Kind kind() {
    return Kind.RESOURCE;
  }

  @Override
  public HealthStatus check(Map<String, Object> details) {
    double process = cpu.processCpuLoad();
    details.put("processCpuLoad", round(process));
    details.put("systemCpuLoad", round(cpu.systemCpuLoad()));
    details.put("systemLoadAverage", round(cpu.systemLoadAverage()));
    details.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    details.put("degradedAtProcessCpuLoad", DEGRADED_LOAD);
    return process >= DEGRADED_LOAD ? HealthStatus.DEGRADED : HealthStatus.UP;
  }

  private static double round(double value) {
    return Math.round(value * 10000.0) / 10000.0;
  }
}
