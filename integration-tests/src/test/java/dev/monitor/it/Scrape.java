package dev.monitor.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Prometheus text exposition, checked against the format's rules while parsing (what
 * {@code promtool check metrics} rejects fails here too): every sample belongs to a family with
 * HELP and TYPE, histogram buckets are cumulative and end at +Inf equal to _count.
 */
final class Scrape {

  static final class Sample {
    final String name;
    final Map<String, String> labels;
    final double value;

    Sample(String name, Map<String, String> labels, double value) {
      this.name = name;
      this.labels = labels;
      this.value = value;
    }
  }

  final List<Sample> samples = new ArrayList<>();
  final Map<String, String> types = new HashMap<>();
  final String text;

  private Scrape(String text) {
    this.text = text;
  }

  static Scrape parse(String text) {
    Scrape scrape = new Scrape(text);
    Map<String, Boolean> help = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ")) {
        help.put(line.split(" ")[2], true);
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        if (scrape.types.put(parts[2], parts[3]) != null) {
          throw new AssertionError("TYPE given twice for " + parts[2]);
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace >= 0) {
        String body = line.substring(brace + 1, line.lastIndexOf('}'));
        int i = 0;
        while (i < body.length()) {
          int eq = body.indexOf('=', i);
          String key = body.substring(i, eq);
          StringBuilder value = new StringBuilder();
          int j = eq + 2;
          while (body.charAt(j) != '"') {
            if (body.charAt(j) == '\\') {
              j++;
              value.append(body.charAt(j) == 'n' ? '\n' : body.charAt(j));
            } else {
              value.append(body.charAt(j));
            }
            j++;
          }
          labels.put(key, value.toString());
          i = j + 2; // past the quote and the comma
        }
      }
      String family = family(name, scrape.types);
      if (family == null || !help.containsKey(family)) {
        throw new AssertionError("sample without HELP/TYPE: " + line);
      }
      scrape.samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
    }
    scrape.checkHistograms();
    return scrape;
  }

  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : new String[] {"_total", "_bucket", "_sum", "_count"}) {
      if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return null;
  }

  private void checkHistograms() {
    Map<Map<String, String>, Double> previous = new HashMap<>();
    for (Sample s : samples) {
      if (!s.name.endsWith("_bucket")) {
        continue;
      }
      Map<String, String> series = new HashMap<>(s.labels);
      String le = series.remove("le");
      series.put("__name__", s.name);
      Double before = previous.get(series);
      if (before != null && s.value < before) {
        throw new AssertionError("buckets not cumulative at le=" + le + " of " + series);
      }
      previous.put(series, s.value);
      if (le.equals("+Inf")) {
        Map<String, String> labels = new LinkedHashMap<>(s.labels);
        labels.remove("le");
        double count = value(s.name.replace("_bucket", "_count"), labels);
        if (count != s.value) {
          throw new AssertionError("+Inf bucket " + s.value + " != _count " + count + " for " + series);
        }
      }
    }
  }

  /** The one sample with exactly these labels, or NaN when absent. */
  double value(String name, Map<String, String> labels) {
    for (Sample s : samples) {
      if (s.name.equals(name) && s.labels.equals(labels)) {
        return s.value;
      }
    }
    return Double.NaN;
  }

  /** The sample whose labels include all of {@code pairs} (key, value, key, value…); NaN when none. */
  double value(String name, String... pairs) {
    double found = Double.NaN;
    for (Sample s : samples) {
      if (s.name.equals(name) && has(s.labels, pairs)) {
        if (!Double.isNaN(found)) {
          throw new AssertionError("more than one " + name + " matches " + String.join(",", pairs));
        }
        found = s.value;
      }
    }
    return found;
  }

  /** Sum over all samples whose labels include {@code pairs}. */
  double sum(String name, String... pairs) {
    double total = 0;
    for (Sample s : samples) {
      if (s.name.equals(name) && has(s.labels, pairs)) {
        total += s.value;
      }
    }
    return total;
  }

  private static boolean has(Map<String, String> labels, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
