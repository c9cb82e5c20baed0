package dev.monitor.agent.config;

import java.io.File;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/** The default service name and version, read from how the JVM was started. */
final class MainApplication {

  final String name;
  final String version;

  private MainApplication(String name, String version) {
    this.name = name;
    this.version = version;
  }

  /** {@code java -jar orders-1.2.jar} gives "orders-1.2"; {@code java com.acme.Orders} gives "Orders". */
  static MainApplication detect() {
    String command = System.getProperty("sun.java.command", "").trim();
    String first = command.isEmpty() ? "" : command.split("\\s+")[0];
    if (first.endsWith(".jar")) {
      String file = new File(first).getName();
      return new MainApplication(file.substring(0, file.length() - 4), jarVersion(first));
    }
    if (!first.isEmpty()) {
      return new MainApplication(first.substring(first.lastIndexOf('.') + 1), null);
    }
    return new MainApplication("unknown_service:java", null);
  }

  private static String jarVersion(String path) {
    try (JarFile jar = new JarFile(path)) {
      return jar.getManifest() == null
          ? null
          : jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
