package dev.monitor.benchmarks.service;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The comparison's Markdown: medians per contender, ratios to no agent, and the targets. */
final class Report {

  private final Application application;
  private final Map<Contender, List<Map<String, Double>>> results;
  private final Settings settings;

  Report(Application application, Map<Contender, List<Map<String, Double>>> results, Settings settings) {
    this.application = application;
    this.results = results;
    this.settings = settings;
  }

  private double m(Contender c, String key) {
    return ServiceComparison.median(results.get(c), key);
  }

  String markdown(String date) throws IOException {
    StringBuilder b = new StringBuilder();
    int cores = Runtime.getRuntime().availableProcessors();
    b.append(String.format(Locale.ROOT,
        "**%s.** Run %s on %d cores, JDK %s, heap -Xms=-Xmx=%s pre-touched; medians of %d alternating rounds; %d connections,"
            + " %.0f s per endpoint after %.0f s of warm-up.%n%n",
        application.title.substring(0, 1).toUpperCase(Locale.ROOT) + application.title.substring(1), date, cores, System.getProperty("java.version"), settings.heap, settings.rounds,
        settings.concurrency, settings.seconds, settings.warmupSeconds));
    b.append("| figure | no agent | monitor agent | ratio | OpenTelemetry agent | ratio |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    row(b, "startup to first 200 (ms)", "startup.ms", "%.0f");
    for (Application.Endpoint e : application.endpoints) {
      row(b, e.label() + " " + e.template + " (req/s)", e.name + ".rps", "%.0f");
      row(b, e.label() + " p50 (ms)", e.name + ".p50", "%.3f");
      row(b, e.label() + " p99 (ms)", e.name + ".p99", "%.3f");
      row(b, e.label() + " CPU per request (µs)", e.name + ".cpu", "%.0f");
    }
    row(b, "resident memory after load, heap pre-touched (MiB)", "rss.mib", "%.0f");
    row(b, "live heap after a full GC (MiB)", "live.mib", "%.1f");
    row(b, "threads", "threads", "%.0f");
    row(b, "allocation under load (MiB/s)", "alloc.mbps", "%.1f");
    row(b, "allocation per request (KiB)", "alloc.kb", "%.2f");
    row(b, "samples on the agent's /metrics", "series", "%.0f");
    long monitorJar = Files.size(settings.monitorJar);
    long otelJar = Files.size(settings.otelJar);
    b.append(String.format(Locale.ROOT, "| agent jar (bytes) | | %,d | | %,d | |%n", monitorJar, otelJar));
    b.append('\n');
    targets(b);
    return b.toString();
  }

  private void row(StringBuilder b, String label, String key, String format) {
    double base = m(Contender.NO_AGENT, key);
    b.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, format, base));
    for (Contender c : new Contender[] {Contender.MONITOR, Contender.OTEL}) {
      double v = m(c, key);
      b.append(" | ").append(String.format(Locale.ROOT, format, v)).append(" | ");
      b.append(base == 0 ? "" : String.format(Locale.ROOT, "%.2f", v / base));
    }
    b.append(" |\n");
  }

  private void targets(StringBuilder b) {
    double start0 = m(Contender.NO_AGENT, "startup.ms");
    double addedMonitor = m(Contender.MONITOR, "startup.ms") - start0;
    double addedOtel = m(Contender.OTEL, "startup.ms") - start0;
    // added memory = what each adds outside the heap (resident, heap fixed) + what it keeps on it
    double rss0 = m(Contender.NO_AGENT, "rss.mib") + m(Contender.NO_AGENT, "live.mib");
    double rssMonitor = m(Contender.MONITOR, "rss.mib") + m(Contender.MONITOR, "live.mib") - rss0;
    double rssOtel = m(Contender.OTEL, "rss.mib") + m(Contender.OTEL, "live.mib") - rss0;
    b.append("| target | figure | met |\n|---|---|---|\n");
    target(b, "added startup at most 1/10 of OpenTelemetry's",
        String.format(Locale.ROOT, "%.0f ms vs %.0f ms (%.2f)", addedMonitor, addedOtel, addedMonitor / addedOtel),
        addedMonitor <= addedOtel / 10);
    for (Application.Endpoint e : application.endpoints) {
      double rps = m(Contender.MONITOR, e.name + ".rps") / m(Contender.NO_AGENT, e.name + ".rps");
      double p99 = m(Contender.MONITOR, e.name + ".p99") / m(Contender.NO_AGENT, e.name + ".p99");
      double cpu = m(Contender.MONITOR, e.name + ".cpu") / m(Contender.NO_AGENT, e.name + ".cpu");
      target(b, e.name + " throughput at least 98%", String.format(Locale.ROOT, "%.1f%%", rps * 100), rps >= 0.98);
      target(b, e.name + " p99 at most 1.1x", String.format(Locale.ROOT, "%.2fx", p99), p99 <= 1.1);
      target(b, e.name + " CPU per request at most 1.03x", String.format(Locale.ROOT, "%.2fx", cpu), cpu <= 1.03);
    }
    target(b, "added memory (resident outside the heap + live heap) at most 1/4 of OpenTelemetry's",
        String.format(Locale.ROOT, "%.0f MiB vs %.0f MiB (%.2f)", rssMonitor, rssOtel, rssMonitor / rssOtel),
        rssMonitor <= rssOtel / 4);
  }

  private static void target(StringBuilder b, String what, String figure, boolean met) {
    b.append("| ").append(what).append(" | ").append(figure).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }
}
