package dev.monitor.agent.alerts;

import static dev.monitor.agent.alerts.AlertRule.CRITICAL;
import static dev.monitor.agent.alerts.AlertRule.WARNING;

import dev.monitor.agent.library.AlertSignal;
import dev.monitor.agent.metrics.TotalsWindow;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rules every runbook this agent serves lists, with their defaults; each is changed by
 * {@code monitor.alerts.<name>.threshold|for|severity} (and {@code window}, for the four ratios
 * of counts) and switched off by
 * {@code monitor.alerts.<name>.enabled=false}.
 */
public final class AlertRules {

  /** Every rule's name, for the settings. */
  public static final List<String> NAMES =
      Arrays.asList(
          "error-rate", "error-rate-critical", "latency-p95", "latency-p95-high", "db-pool-usage",
          "db-query-p95", "memory", "cpu", "socketio-handshake-failures", "active-connections",
          "rate-limited");

  private AlertRules() {}

  /**
   * The rules, each judging a signal a library supplies by name; a rule whose library is not
   * there (or not installed) is listed and never fires.
   */
  static List<AlertRule> defaults(Map<String, AlertSignal> signals) {
    Signals s = new Signals(signals);
    return Arrays.asList(
        AlertRule.windowed("error-rate", "HTTP server errors (5xx or exception) over the window's requests",
            WARNING, 0.05, minutes(5), minutes(1), s.ratio("http.server.error-ratio")),
        AlertRule.windowed("error-rate-critical", "HTTP server errors over the window's requests",
            CRITICAL, 0.10, minutes(5), minutes(1), s.ratio("http.server.error-ratio")),
        rule("latency-p95", "p95 of the last minute's HTTP requests",
            "seconds", WARNING, 0.5, minutes(10), s.now("http.server.p95")),
        rule("latency-p95-high", "p95 of the last minute's HTTP requests",
            "seconds", CRITICAL, 2.0, minutes(5), s.now("http.server.p95")),
        rule("db-pool-usage", "connections in use over the maximum, busiest database pool",
            "ratio", WARNING, 0.8, minutes(2), s.now("db.pool-usage")),
        rule("db-query-p95", "p95 of the last minute's database operations (JDBC)",
            "seconds", WARNING, 0.5, minutes(5), s.now("db.p95")),
        rule("memory", "heap in use after the last collection over the heap's maximum",
            "ratio", WARNING, 0.85, minutes(5), s.now("jvm.memory-after-gc")),
        rule("cpu", "the process's CPU use (1 = every core)",
            "ratio", WARNING, 0.8, minutes(5), s.now("jvm.cpu")),
        AlertRule.windowed("socketio-handshake-failures", "failed Socket.IO handshakes over the window's",
            WARNING, 0.10, minutes(5), minutes(1), s.ratio("socketio.handshake-failure-ratio")),
        rule("active-connections", "open Socket.IO connections and WebSocket sessions",
            "connections", WARNING, 5000, minutes(1), s.now("sockets.active-connections")),
        AlertRule.windowed("rate-limited", "rate-limit rejections (429) over the window's requests",
            WARNING, 0.20, minutes(10), minutes(1), s.ratio("http.server.rate-limited-ratio")));
  }

  /** The libraries' signals by name, as a rule reads them. */
  private static final class Signals {
    private final Map<String, AlertSignal> byName;

    Signals(Map<String, AlertSignal> byName) {
      this.byName = byName;
    }

    Supplier<Double> now(String name) {
      AlertSignal signal = byName.get(name);
      return signal != null && signal.now != null ? signal.now : () -> null;
    }

    Function<Duration, Supplier<Double>> ratio(String name) {
      AlertSignal signal = byName.get(name);
      if (signal == null || signal.totals == null) {
        return window -> () -> null;
      }
      return window -> {
        TotalsWindow totals = new TotalsWindow(signal.totals, 2, window.toMillis(), System.currentTimeMillis());
        return () -> totals.ratio(System.currentTimeMillis());
      };
    }
  }

  private static AlertRule rule(
      String name, String description, String unit, String severity, double threshold,
      Duration forDuration, Supplier<Double> signal) {
    return new AlertRule(name, description, unit, severity, threshold, forDuration, signal);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }
}
