package dev.monitor.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
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
    Path file = newFile(Paths.get(System.getProperty("java.io.tmpdir")));
    file.toFile().deleteOnExit();
    try (InputStream in = BootstrapJar.class.getResourceAsStream(RESOURCE);
        OutputStream out = Files.newOutputStream(file)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is missing from the agent jar; build it with mvn package");
      }
      in.transferTo(out);
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(file.toFile()));
  }

  /**
   * A new file only this user can read and write, made as {@code Files.createTempFile} makes
   * one (created exclusively: an existing file or link of that name is never opened) but named
   * from the process id and the clock instead of {@code SecureRandom}, whose first use loads the
   * security providers: about 20 ms of every start-up, before the application's main.
   */
  static Path newFile(Path directory) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      Path file = directory.resolve("monitor-bootstrap-" + pid + "-" + Long.toHexString(System.nanoTime()) + ".jar");
      try {
        return posix
            ? Files.createFile(file, PosixFilePermissions.asFileAttribute(
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
            : Files.createFile(file);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }
}
