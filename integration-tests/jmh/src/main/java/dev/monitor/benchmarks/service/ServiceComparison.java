package dev.monitor.benchmarks.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-service comparison: each application ({@link Application}: the demo service, and a
 * Spring Boot 4.0 application from its fat jar), over a real redis-server, run with no agent,
 * with this agent and with the OpenTelemetry Java agent, in alternating order round after round
 * so that machine drift hits all three alike. Prints each round's figures, then per application
 * a Markdown table of the medians with the ratios to no agent, and which of the overhead
 * targets are met.
 *
 * <p>Usage, from the top folder, after {@code mvn -B -q package -DskipTests}: {@code java -cp
 * integration-tests/jmh/target/monitor-benchmarks.jar
 * dev.monitor.benchmarks.service.ServiceComparison}. Properties: {@code rounds} (3),
 * {@code concurrency} (4), {@code seconds} per endpoint (10), {@code warmup} (15),
 * {@code heap} (512m).
 */
public final class ServiceComparison {

  private ServiceComparison() {}

  public static void main(String[] args) throws Exception {
    Settings settings = new Settings();
    String missing = settings.missing();
    if (missing != null) {
      System.err.println(missing);
      System.exit(2);
    }
    Files.createDirectories(settings.logs);
    Map<Application, Map<Contender, List<Map<String, Double>>>> results = new EnumMap<>(Application.class);
    for (Application a : settings.applications) {
      Map<Contender, List<Map<String, Double>>> byContender = new EnumMap<>(Contender.class);
      for (Contender c : Contender.values()) {
        byContender.put(c, new ArrayList<>());
      }
      results.put(a, byContender);
    }
    redis.embedded.RedisServer redis = startRedis(settings);
    try {
      Contender[] all = Contender.values();
      for (int round = 0; round < settings.rounds; round++) {
        for (Application a : settings.applications) {
          for (int i = 0; i < all.length; i++) {
            Contender c = all[(i + round) % all.length];
            Trial trial = new Trial(a, c, settings);
            trial.run(round + 1);
            results.get(a).get(c).add(trial.figures);
            System.out.println("round " + (round + 1) + " " + a.key + " " + c.title + ": " + trial.figures);
          }
        }
      }
    } finally {
      redis.stop();
    }
    StringBuilder tables = new StringBuilder();
    for (Application a : settings.applications) {
      tables.append(new Report(a, results.get(a), settings).markdown(LocalDate.now().toString())).append('\n');
    }
    String table = tables.toString();
    System.out.println();
    System.out.println(table);
    Path out = settings.logs.resolve("table.md");
    Files.write(out, table.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    System.out.println("(also in " + out + ")");
  }

  private static redis.embedded.RedisServer startRedis(Settings settings) throws Exception {
    settings.redisPort = Trial.freePort();
    redis.embedded.RedisServer server =
        redis.embedded.RedisServer.newRedisServer()
            .port(settings.redisPort)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
    return server;
  }

  static double median(List<Map<String, Double>> runs, String key) {
    double[] values = runs.stream().mapToDouble(m -> m.get(key)).toArray();
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
