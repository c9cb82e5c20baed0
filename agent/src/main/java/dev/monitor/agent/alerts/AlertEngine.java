package dev.monitor.agent.alerts;

import dev.monitor.agent.config.AlertOverride;
import dev.monitor.agent.config.Settings;
import dev.monitor.agent.health.HealthCheck;
import dev.monitor.agent.health.HealthStatus;
import dev.monitor.agent.library.AlertSignal;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.CallbackMetric;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricPoint;
import dev.monitor.agent.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the alert rules every {@code monitor.alerts.interval} on the agent's harvest thread,
 * never on a request thread, and keeps each rule's state for {@code /health/alerts}, the
 * {@code monitor.alert.firing} gauge and the {@code alerts} health check (DEGRADED while any
 * alert fires; it never touches liveness or readiness). State changes and reads synchronize on
 * the engine, which is never held while another lock is taken.
 */
public final class AlertEngine {

  static final String[] GAUGE_KEYS = {"alert", "severity"};

  private final List<Alert> alerts = new ArrayList<>();
  /** One evaluation at a time; never held by a reader. */
  private final Object evaluating = new Object();
  /** Null when no webhook is set. */
  private volatile AlertWebhook webhook;

  AlertEngine(List<AlertRule> rules) {
    for (AlertRule rule : rules) {
      alerts.add(new Alert(rule));
    }
  }

  /** The default rules with the settings applied; disabled rules are left out. */
  public static AlertEngine create(Settings settings, MetricRegistry registry, Map<String, AlertSignal> signals) {
    List<AlertRule> rules = new ArrayList<>();
    for (AlertRule rule : AlertRules.defaults(signals)) {
      AlertOverride set = settings.alert(rule.name);
      if (set.enabled) {
        if (set.window != null && !rule.windowSettable()) {
          AgentLog.warn(
              "monitor.alerts." + rule.name + ".window is ignored: rule " + rule.name
                  + " judges a figure as it is now or a p95 over the last minute; only the ratios error-rate,"
                  + " error-rate-critical, rate-limited and socketio-handshake-failures take a window");
        }
        rules.add(rule.with(set.threshold, set.forDuration, set.severity, set.window));
      } else {
        AgentLog.info("alert rule " + rule.name + " is disabled by settings");
      }
    }
    AlertEngine engine = new AlertEngine(rules);
    engine.registerGauge(registry);
    if (settings.alertWebhook != null) {
      engine.webhook = AlertWebhook.start(settings.alertWebhook, settings.serviceName, registry);
    }
    return engine;
  }

  void registerGauge(MetricRegistry registry) {
    registry.register(
        new CallbackMetric(
            "monitor.alert.firing",
            "1 while the agent's alert rule fires, else 0.",
            "{alert}",
            MetricFamily.Kind.GAUGE,
            this::readGauge));
  }

  /**
   * Reads every rule's signal once and moves its state on. The signals are read without the
   * engine's lock: they take the registry's lock, and a scrape holds that lock while it reads
   * the gauge, which takes the engine's; holding both here in the other order deadlocked a
   * scrape against the evaluation.
   */
  public void evaluate(long nowMillis) {
    synchronized (evaluating) {
      Double[] values = new Double[alerts.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = read(alerts.get(i).rule);
      }
      List<AlertEvent> events = new ArrayList<>(0);
      synchronized (this) {
        for (int i = 0; i < values.length; i++) {
          Alert alert = alerts.get(i);
          Alert.Transition transition = alert.update(values[i], nowMillis);
          log(alert, transition, values[i]);
          if (transition == Alert.Transition.FIRED) {
            events.add(AlertEvent.fired(alert));
          } else if (transition == Alert.Transition.RESOLVED) {
            events.add(AlertEvent.resolved(alert));
          }
        }
      }
      AlertWebhook to = webhook;
      if (to != null) {
        for (AlertEvent event : events) {
          to.offer(event);
        }
      }
    }
  }

  private static Double read(AlertRule rule) {
    try {
      return rule.signal.get();
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("alert " + rule.name, "cannot read the signal of alert rule " + rule.name, e);
      return null;
    }
  }

  private static void log(Alert alert, Alert.Transition transition, Double value) {
    switch (transition) {
      case FIRED:
        AgentLog.warn(
            "alert " + alert.rule.name + " (" + alert.rule.severity + ") is firing: "
                + Alert.round(alert.valueAtFiring) + " " + alert.rule.unit + " above "
                + alert.rule.threshold + " for " + alert.rule.forDuration.getSeconds() + " s");
        break;
      case RESOLVED:
        AgentLog.info(
            "alert " + alert.rule.name + " is resolved: "
                + (value == null ? "no data" : Alert.round(value) + " " + alert.rule.unit));
        break;
      default:
        break;
    }
  }

  /** {@code /health/alerts}: every rule with its state and current value. */
  public synchronized Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    int firing = 0;
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Alert alert : alerts) {
      firing += alert.firing() ? 1 : 0;
      rules.add(alert.describe());
    }
    out.put("status", firing > 0 ? HealthStatus.DEGRADED.name() : HealthStatus.UP.name());
    out.put("firing", firing);
    out.put("alerts", rules);
    return out;
  }

  private synchronized void readGauge(List<MetricPoint> points) {
    for (Alert alert : alerts) {
      points.add(
          new MetricPoint(GAUGE_KEYS, new String[] {alert.rule.name, alert.rule.severity}, alert.firing() ? 1 : 0));
    }
  }

  /** DEGRADED while an alert fires; reported, never failing a probe. */
  public HealthCheck healthCheck() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "alerts";
      }

      @Override
      public Kind kind() {
        return Kind.RESOURCE;
      }

      @Override
      public HealthStatus check(Map<String, Object> details) {
        List<String> firing = new ArrayList<>();
        synchronized (AlertEngine.this) {
          for (Alert alert : alerts) {
            if (alert.firing()) {
              firing.add(alert.rule.name + " (" + alert.rule.severity + ")");
            }
          }
        }
        details.put("firing", firing);
        return firing.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED;
      }
    };
  }
}
