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

  /**
   * {@code java -jar orders-1.2.jar} gives "orders-1.2"; {@code java com.acme.Orders} gives
   * "Orders". A servlet container's own launcher names the container ("tomcat", "jetty"), not
   * its launcher class or jar ("Bootstrap", "start"), which would tell an operator nothing.
   */
  static MainApplication detect() {
    return fromCommand(System.getProperty("sun.java.command", ""));
  }

  static MainApplication fromCommand(String command) {
    String first = command.trim().isEmpty() ? "" : command.trim().split("\\s+")[0];
    String container = CONTAINER_LAUNCHERS.get(first.endsWith(".jar") ? new File(first).getName() : first);
    if (container != null) {
      return new MainApplication(container, null);
    }
    if (first.endsWith(".jar")) {
      String file = new File(first).getName();
      return new MainApplication(file.substring(0, file.length() - 4), jarVersion(first));
    }
    if (!first.isEmpty()) {
      return new MainApplication(first.substring(first.lastIndexOf('.') + 1), null);
    }
    return new MainApplication("unknown_service:java", null);
  }

  /** Launchers (main class, or jar file name) of the containers operators start as they ship. */
  private static final java.util.Map<String, String> CONTAINER_LAUNCHERS = java.util.Map.of(
      "org.apache.catalina.startup.Bootstrap", "tomcat",
      "org.eclipse.jetty.start.Main", "jetty",
      "start.jar", "jetty");

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
