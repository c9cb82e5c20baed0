package dev.monitor.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap jar's file: new each time (created exclusively), only its owner's. */
class BootstrapJarTest {

  @TempDir Path directory;

  @Test
  void eachFileIsNewAndOnlyItsOwnersToReadAndWrite() throws Exception {
    Path first = BootstrapJar.newFile(directory);
    Path second = BootstrapJar.newFile(directory);
    assertNotEquals(first, second);
    assertTrue(first.getFileName().toString().startsWith("monitor-bootstrap-" + ProcessHandle.current().pid() + "-"));
    assertEquals(0, Files.size(first));
    if (Files.getFileStore(first).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
    }
  }
}
