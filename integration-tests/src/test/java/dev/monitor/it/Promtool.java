package dev.monitor.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code promtool check metrics} (Prometheus's own linter, Debian package {@code prometheus}) on
 * a scrape: every scrape a test takes goes through it. The one complaint allowed is the
 * {@code _count} suffix lint on semantic-convention gauges such as {@code jvm_thread_count}.
 * Where promtool is missing the check is skipped with one line, except in CI, which must have it
 * ({@code .ci/run} installs it).
 */
final class Promtool {

  static final String ALLOWED = "non-histogram and non-summary metrics should not have \"_count\" suffix";
  private static volatile boolean warned;

  private Promtool() {}

  static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path candidate = Paths.get(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Throws an AssertionError with promtool's complaints, if it has any besides the allowed one. */
  static void check(String exposition) {
    Path promtool = binary();
    if (promtool == null) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("promtool is not installed; .ci/run installs it (apt-get install prometheus)");
      }
      if (!warned) {
        warned = true;
        System.out.println("[promtool] not installed: scrapes are checked by Scrape.java only (apt-get install prometheus)");
      }
      return;
    }
    try {
      Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(exposition.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("promtool check metrics did not finish");
      }
      List<String> complaints = new ArrayList<>();
      for (String line : output.split("\n")) {
        if (!line.isBlank() && !line.endsWith(ALLOWED)) {
          complaints.add(line);
        }
      }
      if (!complaints.isEmpty() || (process.exitValue() != 0 && !output.contains(ALLOWED))) {
        throw new AssertionError("promtool check metrics rejects the scrape (exit " + process.exitValue() + "):\n"
            + String.join("\n", complaints));
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run promtool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
