package dev.monitor.agent.metrics;

import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The recent past of a set of named figures (request and error totals, a p95, heap after GC…),
 * one point per step: what a dashboard draws, kept in the agent so that nothing else need be
 * installed. Fixed in size: {@code points} doubles per series, at most {@link #MAX_SERIES}
 * series, so an hour at 10 s per point is 360 points, 2.9 KB a series. A figure that cannot be
 * read (or has nothing to say) is stored as NaN and written as null.
 *
 * <p>Threading: {@link #sample} runs on the agent's harvest thread, never on a request thread;
 * it and the readers synchronize on this object, which takes no other lock while it is held
 * except the figures' own (the registry's, through their suppliers).
 */
public final class History {

  public static final int MAX_SERIES = 128;

  private final int points;
  private final long stepMillis;
  private final Map<String, Supplier<Double>> sources = new LinkedHashMap<>();
  private final Map<String, Supplier<Map<String, Double>>> families = new LinkedHashMap<>();
  private final Map<String, double[]> values = new LinkedHashMap<>();
  /** Where the next point goes, and how many points were taken so far. */
  private int next;
  private long taken;
  private long lastMillis;

  public History(int points, long stepMillis) {
    this.points = points;
    this.stepMillis = stepMillis;
  }

  public long stepMillis() {
    return stepMillis;
  }

  /** Adds a series; one added after sampling began has NaN for the points before it. */
  public synchronized void add(String name, Supplier<Double> source) {
    if (sources.containsKey(name)) {
      return;
    }
    if (sources.size() >= MAX_SERIES) {
      AgentLog.warnOnce("history-full", "the history keeps " + MAX_SERIES + " series; " + name + " and later ones are not kept", null);
      return;
    }
    sources.put(name, source);
    double[] ring = new double[points];
    Arrays.fill(ring, Double.NaN);
    values.put(name, ring);
  }

  /**
   * Adds a family: a figure per key that appears as the application goes (a pool, an operation
   * on a table). Each key the supplier answers becomes the series {@code name:key} when first
   * seen, counted against {@link #MAX_SERIES}; a key missing from an answer gets NaN.
   */
  public synchronized void addFamily(String name, Supplier<Map<String, Double>> source) {
    families.putIfAbsent(name, source);
  }

  /** Takes one point of every series. */
  public synchronized void sample(long nowMillis) {
    Map<String, Double> familyValues = new java.util.HashMap<>();
    for (Map.Entry<String, Supplier<Map<String, Double>>> family : families.entrySet()) {
      try {
        Map<String, Double> read = family.getValue().get();
        for (Map.Entry<String, Double> member : read.entrySet()) {
          String series = family.getKey() + ":" + member.getKey();
          if (!sources.containsKey(series)) {
            add(series, () -> null); // its points come from the family's answer, below
          }
          familyValues.put(series, member.getValue());
        }
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("history " + family.getKey(), "cannot read " + family.getKey() + " for the history", e);
      }
    }
    for (Map.Entry<String, double[]> member : values.entrySet()) {
      if (isFamilyMember(member.getKey())) {
        Double value = familyValues.get(member.getKey());
        member.getValue()[next] = value == null ? Double.NaN : value;
      }
    }
    for (Map.Entry<String, Supplier<Double>> source : sources.entrySet()) {
      if (isFamilyMember(source.getKey())) {
        continue; // written from its family's answer above
      }
      double value;
      try {
        Double read = source.getValue().get();
        value = read == null ? Double.NaN : read;
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("history " + source.getKey(), "cannot read " + source.getKey() + " for the history", e);
        value = Double.NaN;
      }
      values.get(source.getKey())[next] = value;
    }
    next = (next + 1) % points;
    taken++;
    lastMillis = nowMillis;
  }

  private boolean isFamilyMember(String series) {
    int colon = series.indexOf(':');
    return colon > 0 && families.containsKey(series.substring(0, colon));
  }

  public synchronized List<String> names() {
    return new ArrayList<>(sources.keySet());
  }

  /**
   * The points taken so far of {@code names} (all when null), oldest first, with the time of the
   * newest and the step: {@code {stepSeconds, points, end, series: {name: [..]}}}. Unknown names
   * are left out.
   */
  public synchronized Map<String, Object> read(Collection<String> names) {
    int filled = (int) Math.min(taken, points);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stepSeconds", stepMillis / 1000.0);
    out.put("points", (long) filled);
    out.put("capacity", (long) points);
    out.put("endMillis", taken == 0 ? null : lastMillis);
    Map<String, Object> series = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> entry : values.entrySet()) {
      if (names != null && !names.contains(entry.getKey())) {
        continue;
      }
      List<Object> list = new ArrayList<>(filled);
      for (int k = filled; k > 0; k--) {
        double v = entry.getValue()[Math.floorMod(next - k, points)];
        list.add(Double.isNaN(v) ? null : v);
      }
      series.put(entry.getKey(), list);
    }
    out.put("series", series);
    return out;
  }
}
