package dev.monitor.agent.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every instrument of the agent, in registration order. Writers never touch the registry (they
 * hold their series); readers (scrape, JSON, export, the periodic harvest) serialize on this
 * object's monitor, which is never taken on a request thread.
 */
public final class MetricRegistry {

  private final List<Instrument> instruments = new CopyOnWriteArrayList<>();
  private final List<RecentIncrease> recent = new CopyOnWriteArrayList<>();

  public <T extends Instrument> T register(T instrument) {
    instruments.add(instrument);
    return instrument;
  }

  /** A last-minute rate of {@code total}, sampled at each harvest. */
  public RecentIncrease recentIncrease(java.util.function.LongSupplier total) {
    RecentIncrease increase = new RecentIncrease(total, System.currentTimeMillis());
    recent.add(increase);
    return increase;
  }

  /** Moves recorded values into reader-side state; run periodically so windows stay current. */
  public synchronized void harvest() {
    long now = System.currentTimeMillis();
    for (Instrument instrument : instruments) {
      instrument.harvest(now);
    }
    for (RecentIncrease increase : recent) {
      increase.sample(now);
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
