package dev.monitor.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks twice, in forked JVMs without and with {@code -javaagent:monitor.jar}, with
 * JMH's GC profiler, and prints a Markdown table of ns/op and B/op side by side.
 *
 * <p>Usage, from the top folder: {@code java -jar integration-tests/jmh/target/monitor-benchmarks.jar
 * [regex]}. {@code -Dmonitor.agent=path} names another agent jar; {@code -Dbench.quick=true}
 * shortens warm-up and measurement (for a smoke run, not for figures).
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    String include = args.length > 0 ? args[0] : "dev\\.monitor\\.benchmarks\\..*";
    Path agent = Paths.get(System.getProperty("monitor.agent", "agent/target/monitor.jar")).toAbsolutePath();
    if (!Files.exists(agent)) {
      System.err.println(agent + " is missing: run mvn -B -q package -DskipTests from the top folder first");
      System.exit(2);
    }
    Map<String, double[]> without = run(include, null);
    Map<String, double[]> with = run(include, "-javaagent:" + agent);
    System.out.println();
    System.out.println("| benchmark | no agent ns/op | agent ns/op | added ns/op | no agent B/op | agent B/op |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, double[]> e : without.entrySet()) {
      double[] a = e.getValue();
      double[] b = with.get(e.getKey());
      System.out.printf(
          "| %s | %.0f ± %.0f | %.0f ± %.0f | %.0f | %.0f | %.0f |%n",
          e.getKey(), a[0], a[1], b[0], b[1], b[0] - a[0], a[2], b[2]);
    }
    System.out.println();
    System.out.println("JDK " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " processors; " + agent);
  }

  /** Benchmark name to {score ns/op, error, B/op}. */
  private static Map<String, double[]> run(String include, String agentArg) throws Exception {
    boolean quick = Boolean.getBoolean("bench.quick");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(quick ? 1 : 4)
            .warmupTime(TimeValue.seconds(quick ? 1 : 2))
            .measurementIterations(quick ? 2 : 5)
            .measurementTime(TimeValue.seconds(quick ? 1 : 2))
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend("-Xmx1g", "-Dmonitor.http.port=0");
    if (agentArg != null) {
      options.jvmArgsPrepend(agentArg);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, double[]> out = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      Result<?> primary = r.getPrimaryResult();
      double bytes = Double.NaN;
      for (Map.Entry<String, Result> s : r.getSecondaryResults().entrySet()) {
        if (s.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = s.getValue().getScore();
        }
      }
      out.put(name, new double[] {primary.getScore(), primary.getScoreError(), bytes});
    }
    return out;
  }
}
