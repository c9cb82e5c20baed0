package dev.monitor.agent.endpoint;

import dev.monitor.agent.instrument.InstrumentationStatus;
import dev.monitor.agent.library.Libraries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /metrics.json}: what a person asks first. The service, then each monitored library's
 * part (requests, database, Redis, sockets, JVM: see each library's summary), then the agent's
 * own state. Built from the same series as {@code /metrics}.
 */
final class MetricsSummary {

  private final ServiceInfo service;
  private final Libraries libraries;
  private final List<InstrumentationStatus> instrumentations;

  MetricsSummary(ServiceInfo service, Libraries libraries, List<InstrumentationStatus> instrumentations) {
    this.service = service;
    this.libraries = libraries;
    this.instrumentations = instrumentations;
  }

  Map<String, Object> build() {
    Map<String, Object> out = service.header(null);
    out.putAll(libraries.summaries());
    out.put("agent", agent());
    return out;
  }

  private Map<String, Object> agent() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", service.agentVersion);
    List<Map<String, Object>> list = new ArrayList<>();
    for (InstrumentationStatus status : instrumentations) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("name", status.name);
      i.put("enabled", status.enabled);
      i.put("transformedClasses", status.transformedClasses());
      list.add(i);
    }
    out.put("instrumentations", list);
    out.put("adviceErrors", dev.monitor.bootstrap.AdviceErrors.count());
    return out;
  }

}
