package dev.monitor.agent.jvm;

import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Free space where the service runs (its working directory): DEGRADED below
 * {@value #DEGRADED_FREE_RATIO}. The answer names the file store (device and type), never the
 * working directory's path, which tells an outsider how the host is laid out.
 */
public final class DiskCheck implements HealthCheck {

  static final double DEGRADED_FREE_RATIO = 0.10;

  private final Path path = Paths.get("").toAbsolutePath();

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public Kind kind() {
    return Kind.RESOURCE;
  }

  @Override
  public HealthStatus check(Map<String, Object> details) throws IOException {
    FileStore store = Files.getFileStore(path);
    long total = store.getTotalSpace();
    long usable = store.getUsableSpace();
    double free = total <= 0 ? 1 : usable / (double) total;
    details.put("fileStore", store.name());
    details.put("type", store.type());
    details.put("totalBytes", total);
    details.put("freeBytes", usable);
    details.put("freeRatio", Math.round(free * 10000.0) / 10000.0);
    details.put("degradedBelowFreeRatio", DEGRADED_FREE_RATIO);
    return free < DEGRADED_FREE_RATIO ? HealthStatus.DEGRADED : HealthStatus.UP;
  }
}
