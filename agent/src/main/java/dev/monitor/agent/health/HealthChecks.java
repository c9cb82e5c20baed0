package dev.monitor.agent.health;

import dev.monitor.agent.DaemonThreads;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the registered checks for the health endpoints. Each check runs on a small pool of daemon
 * threads with a timeout (a hung database answers DOWN, it does not hang the probe), and its
 * result is cached for {@code cacheMillis}, so probes and scrapes cannot overload a dependency.
 * Thread-safe.
 */
public final class HealthChecks {

  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final Map<String, HealthCheck.Kind> kinds = new ConcurrentHashMap<>();
  private final Map<String, String> groups = new ConcurrentHashMap<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Future<CheckResult>> running = new ConcurrentHashMap<>();
  private final long cacheMillis;
  private final long timeoutMillis;
  private final ExecutorService executor;

  public HealthChecks(long cacheMillis, long timeoutMillis) {
    this.cacheMillis = cacheMillis;
    this.timeoutMillis = timeoutMillis;
    this.executor =
        new ThreadPoolExecutor(
            0, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64),
            DaemonThreads.named("monitor-health"), new ThreadPoolExecutor.AbortPolicy());
  }

  public void register(HealthCheck check) {
    kinds.put(check.name(), check.kind());
    if (check.group() != null) {
      groups.put(check.name(), check.group());
    }
    checks.add(check);
  }

  /** Forgets a check (a data source the application closed) and its cached result. */
  public void unregister(String name) {
    checks.removeIf(check -> check.name().equals(name));
    kinds.remove(name);
    groups.remove(name);
    cache.remove(name);
  }

  /** Results of the checks of the given kinds (all when none given), in registration order. */
  public List<CheckResult> run(HealthCheck.Kind... kinds) {
    List<HealthCheck> selected = new ArrayList<>();
    for (HealthCheck check : checks) {
      if (kinds.length == 0 || contains(kinds, check.kind())) {
        selected.add(check);
      }
    }
    List<Future<CheckResult>> futures = new ArrayList<>();
    List<CheckResult> results = new ArrayList<>(selected.size());
    for (HealthCheck check : selected) {
      futures.add(submit(check));
    }
    for (int i = 0; i < selected.size(); i++) {
      results.add(await(selected.get(i), futures.get(i)));
    }
    return results;
  }

  /** Results of the dependency checks of one group ({@code database}, {@code redis}). */
  public List<CheckResult> runGroup(String group) {
    List<CheckResult> results = new ArrayList<>();
    for (CheckResult result : run(HealthCheck.Kind.DEPENDENCY)) {
      if (group.equals(groups.get(result.name))) {
        results.add(result);
      }
    }
    return results;
  }

  /**
   * The worst status of the results, where a resource check (memory, CPU, disk) or a component
   * (a Socket.IO server) can make the service DEGRADED but never DOWN: a busy machine must not take every instance out of a load
   * balancer at once.
   */
  public HealthStatus overall(List<CheckResult> results) {
    HealthStatus status = HealthStatus.UP;
    for (CheckResult result : results) {
      HealthStatus s = result.status;
      HealthCheck.Kind kind = kinds.get(result.name);
      if (s == HealthStatus.DOWN && (kind == HealthCheck.Kind.RESOURCE || kind == HealthCheck.Kind.COMPONENT)) {
        s = HealthStatus.DEGRADED;
      }
      status = status.worst(s);
    }
    return status;
  }

  private Future<CheckResult> submit(HealthCheck check) {
    Cached cached = cache.get(check.name());
    if (cached != null && System.currentTimeMillis() - cached.atMillis < cacheMillis) {
      return java.util.concurrent.CompletableFuture.completedFuture(cached.result);
    }
    // One run at a time per check: concurrent probes share it instead of piling up. The task
    // is in the map before it can run, so its own removal at the end always finds it.
    java.util.concurrent.FutureTask<CheckResult> task =
        new java.util.concurrent.FutureTask<>(() -> runAndCache(check));
    Future<CheckResult> existing = running.putIfAbsent(check.name(), task);
    if (existing != null) {
      return existing;
    }
    try {
      executor.execute(
          () -> {
            task.run();
            running.remove(check.name(), task);
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.remove(check.name(), task);
      return java.util.concurrent.CompletableFuture.completedFuture(
          result(check, HealthStatus.DOWN, 0, "health check queue is full"));
    }
    return task;
  }

  private CheckResult runAndCache(HealthCheck check) {
    long start = System.nanoTime();
    Map<String, Object> details = new LinkedHashMap<>();
    HealthStatus status;
    try {
      status = check.check(details);
    } catch (Exception | LinkageError e) {
      status = HealthStatus.DOWN;
      details.put("error", e.toString());
      AgentLog.debug("health check " + check.name() + " failed: " + e);
    }
    CheckResult result =
        new CheckResult(check.name(), status, (System.nanoTime() - start) / 1e6, details);
    cache.put(check.name(), new Cached(result, System.currentTimeMillis()));
    return result;
  }

  private CheckResult await(HealthCheck check, Future<CheckResult> future) {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return result(check, HealthStatus.DOWN, timeoutMillis, "no answer within " + timeoutMillis + " ms");
    } catch (ExecutionException e) {
      return result(check, HealthStatus.DOWN, 0, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(check, HealthStatus.DOWN, 0, "interrupted");
    }
  }

  private static CheckResult result(HealthCheck check, HealthStatus status, double ms, String error) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("error", error);
    return new CheckResult(check.name(), status, ms, details);
  }

  private static boolean contains(HealthCheck.Kind[] kinds, HealthCheck.Kind kind) {
    for (HealthCheck.Kind k : kinds) {
      if (k == kind) {
        return true;
      }
    }
    return false;
  }

  /** A check's last result and when it was made. Immutable. */
  private static final class Cached {
    final CheckResult result;
    final long atMillis;

    Cached(CheckResult result, long atMillis) {
      this.result = result;
      this.atMillis = atMillis;
    }
  }
}
