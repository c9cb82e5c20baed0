package dev.monitor.agent;

import dev.monitor.agent.alerts.AlertEngine;
import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.alerts.AlertRules;
import dev.monitor.agent.config.Settings;
import dev.monitor.agent.config.SettingsLoader;
import dev.monitor.agent.endpoint.Endpoints;
import dev.monitor.agent.endpoint.MonitorHttpServer;
import dev.monitor.agent.endpoint.ServiceInfo;
import dev.monitor.agent.health.HealthChecks;
import dev.monitor.agent.instrument.InstrumentationInstaller;
import dev.monitor.agent.library.Libraries;
import dev.monitor.agent.library.LibraryContext;
import dev.monitor.agent.instrument.InstrumentationStatus;
import dev.monitor.agent.otlp.OtlpExport;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.History;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.AdviceErrors;
import dev.monitor.instrumentation.api.InstrumentationModule;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wires the agent together once the bootstrap bridge is on the bootstrap class path. */
final class AgentStarter {

  /** How long a health check result is reused, and how long a check may take. */
  private static final long HEALTH_CACHE_MILLIS = 2_000;
  private static final long HEALTH_TIMEOUT_MILLIS = 3_000;
  private static final long HARVEST_SECONDS = 5;
  /** How often the type descriptions cached for matching are dropped (they help class-load bursts). */
  private static final long FORGET_TYPES_SECONDS = 30;

  private AgentStarter() {}

  static void start(Instrumentation instrumentation, boolean attached) {
    long begin = System.nanoTime();
    List<InstrumentationModule> modules = new ArrayList<>();
    for (InstrumentationModule module :
        ServiceLoader.load(InstrumentationModule.class, AgentStarter.class.getClassLoader())) {
      modules.add(module);
    }
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      names.add(module.name());
    }
    long modulesLoaded = System.nanoTime();
    Libraries libraries = Libraries.load(AgentStarter.class.getClassLoader());
    Settings settings = SettingsLoader.load(names, AlertRules.NAMES, libraries.settings(), AgentLog::warn);
    AgentLog.setDebug(settings.debug || AgentLog.isDebug());
    String agentVersion = agentVersion();
    long settingsRead = System.nanoTime();

    MetricRegistry registry = new MetricRegistry();
    HealthChecks health = new HealthChecks(HEALTH_CACHE_MILLIS, HEALTH_TIMEOUT_MILLIS);
    LibraryContext context = new LibraryContext(registry, health, settings::value, settings.seriesLimit);
    libraries.install(context);
    AdviceErrors.listen(
        error -> AgentLog.warnOnce("advice " + error.getClass().getName(), "advice failed and was skipped; the application call went on", error));
    long librariesInstalled = System.nanoTime();

    List<InstrumentationStatus> statuses =
        InstrumentationInstaller.install(instrumentation, modules, settings, attached);
    AgentLog.debug("premain: modules " + (modulesLoaded - begin) / 1_000_000 + " ms, libraries and settings "
        + (settingsRead - modulesLoaded) / 1_000_000 + " ms, instruments " + (librariesInstalled - settingsRead) / 1_000_000
        + " ms, instrumentation " + (System.nanoTime() - librariesInstalled) / 1_000_000 + " ms");
    AgentLog.info(
        "monitor " + agentVersion + " instruments service '" + settings.serviceName + "' ("
            + (System.nanoTime() - begin) / 1_000_000 + " ms); endpoints and JVM metrics start in the background");

    ServiceInfo service =
        new ServiceInfo(settings.serviceName, settings.serviceVersion, agentVersion, settings.resourceAttributes);
    boolean exporting = settings.otlpEndpoint != null;
    if (exporting) {
      // Here, not in the background: a JVM whose main returns at once must still get the
      // exporter's shutdown flush, with the JVM's metrics in it. The OpenTelemetry SDK's classes
      // load only when an endpoint is set.
      libraries.start(context);
      OtlpExport.start(settings, registry, service.resource, agentVersion);
    }

    // Everything below can wait: it runs on its own thread while the application starts; only
    // the instrumentation above must be in place before the application's classes load.
    Runnable rest =
        () -> {
          if (!exporting) {
            libraries.start(context);
          }
          AlertEngine alerts = null;
          if (settings.alertsEnabled) {
            alerts = AlertEngine.create(settings, registry, libraries.alertSignals());
            health.register(alerts.healthCheck());
          } else {
            AgentLog.info("monitor.alerts.enabled=false: no alert rules are evaluated");
          }
          History history = history(settings, libraries);
          if (settings.http.enabled) {
            MonitorHttpServer.start(
                settings.http,
                new Endpoints(service, registry, health, libraries, statuses, alerts, history));
          } else {
            AgentLog.info("monitor.http.enabled=false: no endpoints are served");
          }
          startHarvester(registry, alerts, settings.alertsInterval.toMillis(), history);
          AgentLog.info(
              "monitor " + agentVersion + " started for service '" + settings.serviceName + "' in "
                  + (System.nanoTime() - begin) / 1_000_000 + " ms");
        };
    DaemonThreads.named("monitor-start")
        .newThread(
            () -> {
              try {
                rest.run();
              } catch (Throwable t) {
                AgentLog.warn("the agent's endpoints or JVM metrics could not start; recording goes on", t);
              }
            })
        .start();
  }

  /**
   * Harvests every 5 s, evaluates the alert rules (when on) every {@code alertMillis}, and drops
   * the matcher's type descriptions every 30 s.
   */
  /** The libraries' history series, {@code length / step} points each (1 to 86,400). */
  private static History history(Settings settings, Libraries libraries) {
    long step = settings.historyStep.toMillis();
    long points = Math.max(1, Math.min(86_400, settings.historyLength.toMillis() / Math.max(1, step)));
    History history = new History((int) points, step);
    for (java.util.Map.Entry<String, java.util.function.Supplier<Double>> s : libraries.historySeries().entrySet()) {
      history.add(s.getKey(), s.getValue());
    }
    for (java.util.Map.Entry<String, java.util.function.Supplier<java.util.Map<String, Double>>> f : libraries.historyFamilies().entrySet()) {
      history.addFamily(f.getKey(), f.getValue());
    }
    return history;
  }

  private static void startHarvester(MetricRegistry registry, AlertEngine alerts, long alertMillis, History history) {
    ScheduledExecutorService harvester =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("monitor-harvest"));
    harvester.scheduleAtFixedRate(
        () -> {
          try {
            registry.harvest();
          } catch (RuntimeException e) {
            AgentLog.warnOnce("harvest", "cannot harvest metrics", e);
          }
        },
        HARVEST_SECONDS, HARVEST_SECONDS, TimeUnit.SECONDS);
    if (alerts != null) {
      harvester.scheduleAtFixedRate(
          () -> {
            try {
              alerts.evaluate(System.currentTimeMillis());
            } catch (RuntimeException e) {
              AgentLog.warnOnce("alerts", "cannot evaluate the alert rules", e);
            }
          },
          alertMillis, alertMillis, TimeUnit.MILLISECONDS);
    }
    harvester.scheduleAtFixedRate(
        () -> {
          try {
            history.sample(System.currentTimeMillis());
          } catch (RuntimeException e) {
            AgentLog.warnOnce("history", "cannot take a point of the history", e);
          }
        },
        history.stepMillis(), history.stepMillis(), TimeUnit.MILLISECONDS);
    harvester.scheduleAtFixedRate(
        InstrumentationInstaller::forgetTypeDescriptions,
        FORGET_TYPES_SECONDS, FORGET_TYPES_SECONDS, TimeUnit.SECONDS);
  }

  private static String agentVersion() {
    String version = AgentStarter.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
