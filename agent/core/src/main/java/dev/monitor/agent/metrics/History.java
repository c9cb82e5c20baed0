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
    if (!sources.containsKey(name) && ring(name) != null) {
      sources.put(name, source);
    }
  }

  /**
   * Adds a family: a figure per key that appears as the application goes (a pool, an operation
   * on a table). Each key the supplier answers becomes the series {@code name:key} when first
   * seen, counted against {@link #MAX_SERIES}; a key missing from an answer gets NaN.
   */
  public synchronized void addFamily(String name, Supplier<Map<String, Double>> source) {
    families.putIfAbsent(name, source);
  }

  /** Takes one point of every series: NaN first, then what each supplier and family answers. */
  public synchronized void sample(long nowMillis) {
    for (double[] ring : values.values()) {
      ring[next] = Double.NaN;
    }
    for (Map.Entry<String, Supplier<Double>> source : sources.entrySet()) {
      try {
        Double read = source.getValue().get();
        values.get(source.getKey())[next] = read == null ? Double.NaN : read;
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("history " + source.getKey(), "cannot read " + source.getKey() + " for the history", e);
      }
    }
    for (Map.Entry<String, Supplier<Map<String, Double>>> family : families.entrySet()) {
      try {
        for (Map.Entry<String, Double> member : family.getValue().get().entrySet()) {
          double[] ring = ring(family.getKey() + ":" + member.getKey());
          if (ring != null && member.getValue() != null) {
            ring[next] = member.getValue();
          }
        }
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("history " + family.getKey(), "cannot read " + family.getKey() + " for the history", e);
      }
    }
    next = (next + 1) % points;
    taken++;
    lastMillis = nowMillis;
  }

  /** The ring of {@code name}, made (all NaN) at its first use; null past {@link #MAX_SERIES}. */
  private double[] ring(String name) {
    double[] ring = values.get(name);
    if (ring == null) {
      if (values.size() >= MAX_SERIES) {
        AgentLog.warnOnce("history-full", "the history keeps " + MAX_SERIES + " series; " + name + " and later ones are not kept", null);
        return null;
      }
      ring = new double[points];
      Arrays.fill(ring, Double.NaN);
      values.put(name, ring);
    }
    return ring;
  }

  public synchronized List<String> names() {
    return new ArrayList<>(values.keySet());
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
