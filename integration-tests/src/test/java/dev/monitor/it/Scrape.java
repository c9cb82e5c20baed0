package dev.monitor.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Prometheus text exposition (format 0.0.4), checked against the rules Prometheus's own
 * text parser and {@code promtool check metrics} apply, so that what they reject fails here too:
 * every sample follows a TYPE and HELP of its family; a counter's or gauge's samples carry
 * exactly the TYPE line's name (so a counter's TYPE names {@code x_total}), a histogram's are
 * {@code x_bucket}, {@code x_sum} and {@code x_count}; a family's lines are contiguous and its
 * TYPE and HELP appear once; metric and label names are valid, no label repeats and no series
 * appears twice; histogram buckets are cumulative and end at +Inf equal to {@code _count}.
 */
final class Scrape {

  private static final java.util.regex.Pattern METRIC_NAME = java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final java.util.regex.Pattern LABEL_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

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
  /** The type of each family, by the name its TYPE line gives. */
  final Map<String, String> types = new HashMap<>();
  final String text;

  private Scrape(String text) {
    this.text = text;
  }

  static Scrape parse(String text) {
    Scrape scrape = new Scrape(text);
    java.util.Set<String> help = new java.util.HashSet<>();
    java.util.Set<String> finished = new java.util.HashSet<>();
    java.util.Set<String> seriesSeen = new java.util.HashSet<>();
    String current = null;
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new AssertionError("the exposition does not end with a line feed");
    }
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ", 4);
        String family = parts[2];
        if (!METRIC_NAME.matcher(family).matches()) {
          throw new AssertionError("invalid metric name in: " + line);
        }
        if (!family.equals(current)) {
          if (finished.contains(family)) {
            throw new AssertionError("the lines of " + family + " are not together: " + line);
          }
          if (current != null) {
            finished.add(current);
          }
          current = family;
        }
        if (line.startsWith("# HELP ")) {
          if (!help.add(family)) {
            throw new AssertionError("HELP given twice for " + family);
          }
        } else {
          String type = parts.length > 3 ? parts[3] : "";
          if (!java.util.Arrays.asList("counter", "gauge", "histogram", "summary", "untyped").contains(type)) {
            throw new AssertionError("unknown type in: " + line);
          }
          if (scrape.types.put(family, type) != null) {
            throw new AssertionError("TYPE given twice for " + family);
          }
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
      if (!METRIC_NAME.matcher(name).matches()) {
        throw new AssertionError("invalid metric name in: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace >= 0) {
        int close = line.lastIndexOf('}');
        String body = line.substring(brace + 1, close);
        space = line.indexOf(' ', close);
        int i = 0;
        while (i < body.length()) {
          int eq = body.indexOf('=', i);
          String key = body.substring(i, eq);
          if (!LABEL_NAME.matcher(key).matches() || body.charAt(eq + 1) != '"') {
            throw new AssertionError("invalid label '" + key + "' in: " + line);
          }
          StringBuilder value = new StringBuilder();
          int j = eq + 2;
          while (body.charAt(j) != '"') {
            if (body.charAt(j) == '\\') {
              j++;
              char escaped = body.charAt(j);
              if (escaped != 'n' && escaped != '\\' && escaped != '"') {
                throw new AssertionError("invalid escape \\" + escaped + " in: " + line);
              }
              value.append(escaped == 'n' ? '\n' : escaped);
            } else {
              value.append(body.charAt(j));
            }
            j++;
          }
          if (labels.put(key, value.toString()) != null) {
            throw new AssertionError("label " + key + " twice in: " + line);
          }
          i = j + 1;
          if (i < body.length()) {
            if (body.charAt(i) != ',') {
              throw new AssertionError("labels not separated by a comma in: " + line);
            }
            i++;
          }
        }
      }
      String family = family(name, current, scrape.types);
      if (family == null || !help.contains(family)) {
        throw new AssertionError("sample without the HELP and TYPE of its family before it: " + line);
      }
      if (!seriesSeen.add(name + labels)) {
        throw new AssertionError("series given twice: " + line);
      }
      String number = line.substring(space + 1).trim();
      if (number.contains(" ")) {
        number = number.substring(0, number.indexOf(' ')); // a timestamp follows
      }
      scrape.samples.add(new Sample(name, labels, Double.parseDouble(number)));
    }
    scrape.checkHistograms();
    return scrape;
  }

  /** The family a sample belongs to, as Prometheus's text parser reads it; null when none. */
  private static String family(String name, String current, Map<String, String> types) {
    if (current == null) {
      return null;
    }
    String type = types.get(current);
    if (type == null) {
      return null;
    }
    if (type.equals("histogram")) {
      for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
        if (name.equals(current + suffix)) {
          return current;
        }
      }
      return null;
    }
    if (type.equals("summary")) {
      return name.equals(current) || name.equals(current + "_sum") || name.equals(current + "_count") ? current : null;
    }
    return name.equals(current) ? current : null;
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
