package dev.monitor.agent.metrics;

import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every instrument of the agent, in registration order. Writers never touch the registry (they
 * hold their series); readers (scrape, JSON, export, the periodic harvest) serialize on this
 * object's monitor, which is never taken on a request thread.
 */
public final class MetricRegistry {

  private final List<Instrument> instruments = new CopyOnWriteArrayList<>();
  /** The window of every "per second over the last minute". */
  static final long LAST_MINUTE_MILLIS = 60_000;

  private final List<TotalsWindow> recent = new CopyOnWriteArrayList<>();
  /** Every Prometheus sample name taken, and by which instrument. Guarded by {@code this}. */
  private final Map<String, String> sampleNames = new HashMap<>();
  private final Consumer<String> warnings;

  public MetricRegistry() {
    this(AgentLog::warn);
  }

  MetricRegistry(Consumer<String> warnings) {
    this.warnings = warnings;
    sampleNames.put("target_info", "the service's resource");
    sampleNames.put("target", "the service's resource");
  }

  /**
   * Adds an instrument to what is read, unless its Prometheus names would collide with one
   * already there (two names that sanitize alike, a counter already ending in {@code _total},
   * two attributes that become one label): then it is refused with one warning and returned
   * anyway, so its writers work and nothing they record is exported under a wrong name.
   */
  public synchronized <T extends Instrument> T register(T instrument) {
    String problem = collision(instrument);
    if (problem != null) {
      warnings.accept(problem + "; " + instrument.name() + " is not exported");
      return instrument;
    }
    String base = PrometheusNames.base(instrument.name(), instrument.unit(), instrument.kind());
    for (String sample : PrometheusNames.sampleNames(base, instrument.kind())) {
      sampleNames.put(sample, instrument.name());
    }
    instruments.add(instrument);
    return instrument;
  }

  private String collision(Instrument instrument) {
    String base = PrometheusNames.base(instrument.name(), instrument.unit(), instrument.kind());
    if (instrument.kind() == MetricFamily.Kind.COUNTER && base.endsWith("_total")) {
      return "the counter " + instrument.name() + " would be exposed as " + base + "_total";
    }
    for (String sample : PrometheusNames.sampleNames(base, instrument.kind())) {
      String owner = sampleNames.get(sample);
      if (owner != null) {
        return instrument.name() + " and " + owner + " would both be exposed as " + sample;
      }
    }
    String[] keys = instrument.keys();
    if (keys != null) {
      Map<String, String> labels = new HashMap<>();
      if (instrument.kind() == MetricFamily.Kind.HISTOGRAM) {
        labels.put("le", "the bucket bound");
      }
      for (String key : keys) {
        String other = labels.put(PrometheusNames.sanitize(key), key);
        if (other != null) {
          return "the attributes " + other + " and " + key + " of " + instrument.name()
              + " would both be exposed as the label " + PrometheusNames.sanitize(key);
        }
      }
    }
    return null;
  }

  /** The last minute of {@code total} ({@link TotalsWindow#perSecond}), read at each harvest. */
  public TotalsWindow recentIncrease(java.util.function.LongSupplier total) {
    TotalsWindow increase =
        new TotalsWindow(() -> new long[] {total.getAsLong()}, 1, LAST_MINUTE_MILLIS, System.currentTimeMillis());
    recent.add(increase);
    return increase;
  }

  /** Moves recorded values into reader-side state; run periodically so windows stay current. */
  public synchronized void harvest() {
    long now = System.currentTimeMillis();
    for (Instrument instrument : instruments) {
      instrument.harvest(now);
    }
    for (TotalsWindow increase : recent) {
      increase.record(now);
    }
  }

  /** Harvests, then reads every metric. */
  public synchronized List<MetricFamily> collect() {
    long now = System.currentTimeMillis();
    List<MetricFamily> families = new ArrayList<>(instruments.size());
    for (Instrument instrument : instruments) {
      instrument.harvest(now);
    }
    for (Instrument instrument : instruments) {
      families.add(instrument.collect(now));
    }
    return families;
  }

  /** Harvests, then reads the metrics named in {@code names}. */
  public synchronized List<MetricFamily> collect(java.util.Collection<String> names) {
    long now = System.currentTimeMillis();
    List<MetricFamily> families = new ArrayList<>(names.size());
    for (Instrument instrument : instruments) {
      if (names.contains(instrument.name())) {
        instrument.harvest(now);
        families.add(instrument.collect(now));
      }
    }
    return families;
  }

  /** Harvests, then summarizes one latency histogram. */
  public synchronized List<LatencySummary> summarize(LatencyHistogram histogram, String... groupBy) {
    long now = System.currentTimeMillis();
    histogram.harvest(now);
    return histogram.summarize(now, groupBy);
  }

  /** Harvests, then summarizes the series of one latency histogram that {@code include} accepts. */
  public synchronized List<LatencySummary> summarize(
      LatencyHistogram histogram, java.util.function.Predicate<String[]> include, String... groupBy) {
    long now = System.currentTimeMillis();
    histogram.harvest(now);
    return histogram.summarize(now, include, groupBy);
  }
}
