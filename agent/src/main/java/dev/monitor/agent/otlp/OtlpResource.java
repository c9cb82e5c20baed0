package dev.monitor.agent.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;

/**
 * The resource every exported metric carries: the service's own attributes as
 * {@code target_info} shows them ({@code service.name}, {@code service.version},
 * {@code telemetry.sdk.*}, {@code monitor.resource.attributes} / {@code otel.resource.attributes}),
 * plus this process: {@code service.instance.id} (new at each start), {@code host.name},
 * {@code process.pid} and {@code process.runtime.*}.
 */
final class OtlpResource {

  private OtlpResource() {}

  static Resource build(Map<String, String> service) {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put("service.instance.id", UUID.randomUUID().toString());
    String host = hostName();
    if (host != null) {
      attributes.put("host.name", host);
    }
    attributes.put(AttributeKey.longKey("process.pid"), ProcessHandle.current().pid());
    attributes.put("process.runtime.name", System.getProperty("java.runtime.name", "java"));
    attributes.put("process.runtime.version", System.getProperty("java.runtime.version", ""));
    attributes.put(
        "process.runtime.description",
        System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.vm.name", "") + " "
            + System.getProperty("java.vm.version", ""));
    // the service's attributes last: a user-set resource attribute wins over a detected one
    for (Map.Entry<String, String> e : service.entrySet()) {
      attributes.put(e.getKey(), e.getValue());
    }
    return Resource.create(attributes.build());
  }

  /** The HOSTNAME the environment gives, else the local host's name; null when neither answers. */
  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
