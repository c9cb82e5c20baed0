package dev.monitor.agent;

import dev.monitor.agent.alerts.AlertEngine;
import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.alerts.AlertRules;
import dev.monitor.agent.config.Settings;
import dev.monitor.agent.config.SettingsLoader;
import dev.monitor.agent.endpoint.Endpoints;
import dev.monitor.agent.endpoint.MonitorHttpServer;
import dev.monitor.agent.endpoint.ServiceInfo;
import dev.monitor.agent.health.CpuCheck;
import dev.monitor.agent.health.DiskCheck;
import dev.monitor.agent.health.HealthChecks;
import dev.monitor.agent.health.MemoryCheck;
import dev.monitor.agent.health.ThreadCheck;
import dev.monitor.agent.http.HttpServerMetrics;
import dev.monitor.agent.instrument.InstrumentationInstaller;
import dev.monitor.agent.instrument.InstrumentationStatus;
import dev.monitor.agent.db.DbClientMetrics;
import dev.monitor.agent.jdbc.JdbcMetrics;
import dev.monitor.agent.redis.RedisMetrics;
import dev.monitor.agent.sockets.SocketMetrics;
import dev.monitor.agent.jvm.JvmMetrics;
import dev.monitor.agent.jvm.ProcessCpu;
import dev.monitor.agent.otlp.OtlpExport;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.MetricRegistry;
import dev.monitor.bootstrap.AdviceErrors;
import dev.monitor.bootstrap.HttpServerBridge;
import dev.monitor.bootstrap.JdbcBridge;
import dev.monitor.bootstrap.RedisBridge;
import dev.monitor.bootstrap.SocketBridge;
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
    Settings settings = SettingsLoader.load(names, AlertRules.NAMES, AgentLog::warn);
    AgentLog.setDebug(settings.debug || AgentLog.isDebug());
    String agentVersion = agentVersion();

    MetricRegistry registry = new MetricRegistry();
    HttpServerMetrics http = new HttpServerMetrics(registry, settings.seriesLimit);
    HttpServerBridge.install(http);
    HealthChecks health = new HealthChecks(HEALTH_CACHE_MILLIS, HEALTH_TIMEOUT_MILLIS);
    DbClientMetrics db = new DbClientMetrics(registry, settings.seriesLimit);
    JdbcMetrics jdbc = startJdbc(registry, db, settings, health);
    RedisMetrics redis = new RedisMetrics(db, health::register);
    RedisBridge.install(redis);
    SocketMetrics sockets = new SocketMetrics(registry, settings.seriesLimit, health::register);
    SocketBridge.install(sockets);
    AdviceErrors.listen(
        error -> AgentLog.warnOnce("advice " + error.getClass().getName(), "advice failed and was skipped; the application call went on", error));

    List<InstrumentationStatus> statuses =
        InstrumentationInstaller.install(instrumentation, modules, settings, attached);
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
      JvmMetrics.register(registry, settings.seriesLimit);
      OtlpExport.start(settings, registry, service.resource, agentVersion);
    }

    // Everything below can wait: it runs on its own thread while the application starts; only
    // the instrumentation above must be in place before the application's classes load.
    Runnable rest =
        () -> {
          if (!exporting) {
            JvmMetrics.register(registry, settings.seriesLimit);
          }
          ProcessCpu cpu = registerHostChecks(health);
          AlertEngine alerts = null;
          if (settings.alertsEnabled) {
            alerts = AlertEngine.create(settings, registry, http, db, jdbc, sockets, cpu);
            health.register(alerts.healthCheck());
          } else {
            AgentLog.info("monitor.alerts.enabled=false: no alert rules are evaluated");
          }
          if (settings.http.enabled) {
            MonitorHttpServer.start(
                settings.http,
                new Endpoints(service, registry, health, http, jdbc, redis, sockets, cpu, statuses, alerts));
          } else {
            AgentLog.info("monitor.http.enabled=false: no endpoints are served");
          }
          startHarvester(registry, alerts, settings.alertsInterval.toMillis());
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

  /** The checks of the host the service runs on; returns the CPU reader they share with the endpoints. */
  private static ProcessCpu registerHostChecks(HealthChecks health) {
    ProcessCpu cpu = ProcessCpu.create();
    health.register(new ThreadCheck());
    health.register(new MemoryCheck());
    health.register(new CpuCheck(cpu));
    health.register(new DiskCheck());
    return cpu;
  }

  /**
   * Harvests every 5 s, evaluates the alert rules (when on) every {@code alertMillis}, and drops
   * the matcher's type descriptions every 30 s.
   */
  private static void startHarvester(MetricRegistry registry, AlertEngine alerts, long alertMillis) {
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
        InstrumentationInstaller::forgetTypeDescriptions,
        FORGET_TYPES_SECONDS, FORGET_TYPES_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * JDBC recording, unless the JVM lacks the {@code java.sql} module (a custom runtime image):
   * then the JDBC advice stays a no-op and everything else works.
   */
  private static JdbcMetrics startJdbc(
      MetricRegistry registry, DbClientMetrics db, Settings settings, HealthChecks health) {
    try {
      JdbcMetrics jdbc =
          new JdbcMetrics(
              registry, db, settings.seriesLimit, settings.slowQueryThreshold.toNanos(),
              health::register, check -> health.unregister(check.name()));
      JdbcBridge.install(jdbc);
      return jdbc;
    } catch (LinkageError e) {
      AgentLog.warn("JDBC is not monitored: this JVM lacks java.sql", e);
      return null;
    }
  }

  private static String agentVersion() {
    String version = AgentStarter.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
