package dev.monitor.it;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the metric names and label names a PromQL expression refers to, so the shipped rules and
 * dashboard can be checked against a live {@code /metrics}. Not a full parser: it knows strings,
 * range brackets, label matchers, {@code __name__} regexes of plain names, grouping clauses and
 * function calls, which is what the shipped expressions use (Grafana's {@code $variables} sit in
 * strings and brackets, so they are skipped with them).
 */
final class PromQl {

  /** One vector selector: a metric name and the label names it matches on. */
  static final class Selector {
    final String metric;
    final Set<String> labels = new LinkedHashSet<>();

    Selector(String metric) {
      this.metric = metric;
    }

    @Override
    public String toString() {
      return metric + labels;
    }
  }

  static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
  /** May be followed by {@code by (...)} before their parenthesis. */
  static final Set<String> AGGREGATIONS =
      Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile");

  final List<Selector> selectors = new ArrayList<>();
  /** Labels named in {@code by (...)}, {@code on (...)} and the like. */
  final Set<String> groupingLabels = new LinkedHashSet<>();
  private final String text;
  private int at;

  private PromQl(String text) {
    this.text = text;
  }

  static PromQl parse(String expression) {
    PromQl q = new PromQl(expression);
    q.read();
    return q;
  }

  private void read() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"' || c == '\'' || c == '`') {
        string();
      } else if (c == '[') {
        at = text.indexOf(']', at) + 1;
        if (at == 0) {
          throw new IllegalArgumentException("unclosed [ in " + text);
        }
      } else if (c == '{') {
        Selector nameless = new Selector(null);
        matchers(nameless);
        for (String name : nameless.labels) {
          if (name.startsWith("__name__=")) {
            for (String alternative : name.substring("__name__=".length()).split("\\|")) {
              Selector s = new Selector(alternative);
              selectors.add(s);
            }
          }
        }
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        String word = identifier();
        char next = peek();
        if (GROUPING.contains(word)) {
          if (next == '(') {
            at = text.indexOf('(', at) + 1;
            int close = text.indexOf(')', at);
            for (String label : text.substring(at, close).split(",")) {
              if (!label.isBlank()) {
                groupingLabels.add(label.trim());
              }
            }
            at = close + 1;
          }
        } else if (next == '(' || KEYWORDS.contains(word) || AGGREGATIONS.contains(word)) {
          // a function or aggregation, or an operator word
        } else {
          Selector s = new Selector(word);
          selectors.add(s);
          if (next == '{') {
            at = text.indexOf('{', at);
            matchers(s);
          }
        }
      } else if (Character.isDigit(c) || c == '.') {
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
          at++;
        }
      } else {
        at++;
      }
    }
  }

  /** {@code {a="x", b!~"y"}}: adds the label names; {@code __name__} as {@code __name__=<value>}. */
  private void matchers(Selector s) {
    at++; // {
    while (true) {
      skipSpace();
      if (text.charAt(at) == '}') {
        at++;
        return;
      }
      if (text.charAt(at) == ',') {
        at++;
        continue;
      }
      String label = identifier();
      skipSpace();
      while ("=!~".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      skipSpace();
      String value = string();
      s.labels.add(label.equals("__name__") ? "__name__=" + value : label);
    }
  }

  private String identifier() {
    int start = at;
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' || text.charAt(at) == ':')) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException("expected a name at " + at + " in " + text);
    }
    return text.substring(start, at);
  }

  private String string() {
    char quote = text.charAt(at);
    StringBuilder out = new StringBuilder();
    at++;
    while (text.charAt(at) != quote) {
      if (text.charAt(at) == '\\') {
        at++;
      }
      out.append(text.charAt(at++));
    }
    at++;
    return out.toString();
  }

  private char peek() {
    skipSpace();
    return at < text.length() ? text.charAt(at) : 0;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
