package dev.monitor.agent.endpoint;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who this service is, as every response names it. Immutable. */
public final class ServiceInfo {

  public final String name;
  /** Null when unknown. */
  public final String version;
  public final String agentVersion;
  public final Map<String, String> resource;

  public ServiceInfo(String name, String version, String agentVersion, Map<String, String> extraResource) {
    this.name = name;
    this.version = version;
    this.agentVersion = agentVersion;
    Map<String, String> resource = new LinkedHashMap<>(extraResource);
    resource.put("service.name", name);
    if (version != null) {
      resource.put("service.version", version);
    }
    resource.put("telemetry.sdk.name", "monitor");
    resource.put("telemetry.sdk.language", "java");
    resource.put("telemetry.sdk.version", agentVersion);
    this.resource = java.util.Collections.unmodifiableMap(resource);
  }

  /** The fields every JSON answer starts with. */
  Map<String, Object> header(String status) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (status != null) {
      out.put("status", status);
    }
    out.put("service", name);
    out.put("version", version);
    out.put("timestamp", Instant.now().toString());
    out.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    return out;
  }
}
