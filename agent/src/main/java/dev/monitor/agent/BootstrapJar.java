package dev.monitor.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * The bootstrap bridge travels inside monitor.jar as a nested jar; advice inlined into classes
 * of any class loader can see it only once it is on the bootstrap class path. The nested jar is
 * copied to a temporary file (deleted at exit) and appended there.
 */
final class BootstrapJar {

  private static final String RESOURCE = "monitor-bootstrap.jar";

  private BootstrapJar() {}

  static void append(Instrumentation instrumentation) throws IOException {
    Path file = Files.createTempFile("monitor-bootstrap-", ".jar");
    file.toFile().deleteOnExit();
    try (InputStream in = BootstrapJar.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is missing from the agent jar; build it with mvn package");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(file.toFile()));
  }
}
