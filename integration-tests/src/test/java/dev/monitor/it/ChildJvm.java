package dev.monitor.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A separate JVM running a test application with {@code -javaagent:agent/target/monitor.jar}.
 * Both ports are 0 (free ports), read back from what the application and the agent print.
 */
final class ChildJvm implements AutoCloseable {

  static final Path AGENT = Paths.get("..", "agent", "target", "monitor.jar").toAbsolutePath().normalize();
  private static final Pattern APP_PORT = Pattern.compile("READY http://localhost:(\\d+)");
  private static final Pattern MONITOR_PORT = Pattern.compile("endpoints listening on http://[^:]+:(\\d+)");
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path log;
  final int appPort;
  final int monitorPort;

  private ChildJvm(Process process, Path log, int appPort, int monitorPort) {
    this.process = process;
    this.log = log;
    this.appPort = appPort;
    this.monitorPort = monitorPort;
  }

  static Builder builder(String mainClass) {
    return new Builder(mainClass);
  }

  static final class Builder {
    private final String mainClass;
    private String javaHome = System.getProperty("java.home");
    private boolean agent = true;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean expectMonitorPort = true;
    private final Map<String, Path> replacements = new LinkedHashMap<>();
    private Path jar;
    private final List<String> arguments = new ArrayList<>();
    private List<String> ownClasspath;
    private final List<String> jvmOptions = new ArrayList<>();
    private int knownAppPort;
    private String readyLine;

    Builder(String mainClass) {
      this.mainClass = mainClass;
      properties.put("monitor.http.port", "0");
      properties.put("demo.port", "0");
      properties.put("demo.selfTraffic", "false");
      properties.put("demo.redis", "none");
    }

    Builder javaHome(String home) {
      this.javaHome = home;
      return this;
    }

    Builder property(String key, String value) {
      if (value == null) {
        properties.remove(key);
      } else {
        properties.put(key, value);
      }
      return this;
    }

    Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /**
     * Runs with {@code target/other-versions/<jar>} instead of the test-scope jar whose file name
     * starts with {@code prefix} (another version of the same library).
     */
    Builder replacing(String prefix, String jar) {
      Path path = Paths.get("target", "other-versions", jar).toAbsolutePath();
      if (!Files.exists(path)) {
        throw new IllegalStateException(path + " is missing: run mvn verify from the top folder");
      }
      replacements.put(prefix, path);
      return this;
    }

    /**
     * Runs {@code java -jar jar arguments…} (an application's own fat jar, with its own class
     * loader) instead of the test class path and main class.
     */
    Builder jar(Path jar, String... arguments) {
      if (!Files.exists(jar)) {
        throw new IllegalStateException(jar + " is missing: run mvn verify from the top folder");
      }
      this.jar = jar;
      this.arguments.addAll(java.util.Arrays.asList(arguments));
      return this;
    }

    /**
     * Runs {@code mainClass} from {@code classpath} (a server's own jars, such as a Tomcat
     * distribution's bin/) with {@code arguments}, listening on {@code appPort}; it is ready once
     * its output contains {@code readyLine}.
     */
    Builder server(List<String> classpath, int appPort, String readyLine, String... arguments) {
      this.ownClasspath = classpath;
      this.knownAppPort = appPort;
      this.readyLine = readyLine;
      this.arguments.addAll(java.util.Arrays.asList(arguments));
      return this;
    }

    /** A JVM option besides the agent and the properties ({@code --add-opens=…}). */
    Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    Builder withoutAgent() {
      this.agent = false;
      this.expectMonitorPort = false;
      return this;
    }

    Builder noMonitorPort() {
      this.expectMonitorPort = false;
      return this;
    }

    ChildJvm start() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Paths.get(javaHome, "bin", "java").toString());
      command.add("-Xmx256m");
      if (agent) {
        if (!Files.exists(AGENT)) {
          throw new IllegalStateException(AGENT + " is missing: run mvn verify from the top folder");
        }
        command.add("-javaagent:" + AGENT);
      }
      command.addAll(jvmOptions);
      for (Map.Entry<String, String> p : properties.entrySet()) {
        command.add("-D" + p.getKey() + "=" + p.getValue());
      }
      if (ownClasspath != null) {
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, ownClasspath));
        command.add(mainClass);
        command.addAll(arguments);
      } else if (jar != null) {
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
      } else {
        command.add("-cp");
        command.add(classpath(replacements));
        command.add(mainClass);
      }
      Path log = Files.createTempFile("child-jvm-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      Integer appPort = null;
      Integer monitorPort = null;
      while (System.nanoTime() < deadline) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        appPort = readyLine == null ? find(APP_PORT, out) : out.contains(readyLine) ? Integer.valueOf(knownAppPort) : null;
        monitorPort = find(MONITOR_PORT, out);
        if (appPort != null && (monitorPort != null || !expectMonitorPort)) {
          return new ChildJvm(process, log, appPort, monitorPort == null ? -1 : monitorPort);
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      process.destroyForcibly();
      throw new IllegalStateException("child JVM did not start; its output:\n" + Files.readString(log));
    }

    private static Integer find(Pattern pattern, String text) {
      Matcher m = pattern.matcher(text);
      return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
  }

  private static String classpath(Map<String, Path> replacements) throws IOException {
    Path target = Paths.get("target").toAbsolutePath();
    List<String> entries = new ArrayList<>();
    entries.add(target.resolve("test-classes").toString());
    entries.add(target.resolve("classes").toString());
    String dependencies = Files.readString(target.resolve("child-classpath.txt")).trim();
    for (String jar : dependencies.split(java.io.File.pathSeparator)) {
      String name = Paths.get(jar).getFileName().toString();
      Path replacement = null;
      for (Map.Entry<String, Path> r : replacements.entrySet()) {
        if (name.startsWith(r.getKey())) {
          replacement = r.getValue();
        }
      }
      entries.add(replacement == null ? jar : replacement.toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Whether the output so far contains {@code text}; false when it cannot be read. */
  boolean outputContains(String text) {
    try {
      return output().contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** How often {@code part} occurs in {@code text} (overlapping ones too). */
  static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  long pid() {
    return process.pid();
  }

  /** Whether the child JVM ends on its own within {@code seconds}. */
  boolean exitsWithin(int seconds) throws InterruptedException {
    return process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Everything the child printed so far (stdout and stderr). */
  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  HttpResponse<String> app(String method, String path) throws IOException, InterruptedException {
    return send(method, "http://localhost:" + appPort + path);
  }

  HttpResponse<String> app(String path) throws IOException, InterruptedException {
    return app("GET", path);
  }

  HttpResponse<String> monitor(String method, String path) throws IOException, InterruptedException {
    return send(method, "http://localhost:" + monitorPort + path);
  }

  HttpResponse<String> monitor(String path) throws IOException, InterruptedException {
    return monitor("GET", path);
  }

  /**
   * Polls monitor {@code path} every 250 ms for up to 20 s until it answers {@code status}, and
   * returns that answer's body; throws with the last answer when it never does.
   */
  String awaitMonitor(String path, int status) throws IOException, InterruptedException {
    HttpResponse<String> last = null;
    for (int i = 0; i < 80; i++) {
      last = monitor(path);
      if (last.statusCode() == status) {
        return last.body();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(path + " never answered " + status + "; last: " + last.statusCode() + " " + last.body());
  }

  Scrape scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = monitor("/metrics");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    Promtool.check(response.body());
    return Scrape.parse(response.body());
  }

  static HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
