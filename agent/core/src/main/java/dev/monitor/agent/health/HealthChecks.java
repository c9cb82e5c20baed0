package dev.monitor.agent.health;

import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the registered checks for the health endpoints, so that no dependency can slow a probe
 * beyond {@code timeoutMillis} and none can stall another:
 *
 * <ul>
 *   <li>Liveness checks run inline on the caller's thread: they read the JVM only (deadlocks) and
 *       never wait on a queue that a dependency check could fill.
 *   <li>Every other check runs on a thread of its own from a pool without a queue, at most one run
 *       per check at a time (concurrent probes share it). A check that hangs (a pool's
 *       {@code getConnection} waiting its 30 s) keeps only its own thread; probes get DOWN after
 *       the timeout, and at once while that run is still overdue.
 *   <li>One deadline covers a whole run, so {@code /health/detailed} answers within the timeout
 *       however many checks hang.
 * </ul>
 *
 * Results are cached for {@code cacheMillis}, so probes and scrapes cannot overload a dependency.
 * A dependency check that goes DOWN logs one line, and one more when it is UP again.
 * Thread-safe.
 */
public final class HealthChecks {

  /** Threads for checks running at once; a check holds at most one. */
  private static final int MAX_CHECK_THREADS = 16;

  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final Map<String, HealthCheck.Kind> kinds = new ConcurrentHashMap<>();
  private final Map<String, String> groups = new ConcurrentHashMap<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, HealthStatus> lastDependencyStatus = new ConcurrentHashMap<>();
  private final long cacheMillis;
  private final long timeoutMillis;
  private final ThreadPoolExecutor executor;
  private final Consumer<String> transitions;

  public HealthChecks(long cacheMillis, long timeoutMillis) {
    this(cacheMillis, timeoutMillis, AgentLog::info);
  }

  HealthChecks(long cacheMillis, long timeoutMillis, Consumer<String> transitions) {
    this.cacheMillis = cacheMillis;
    this.timeoutMillis = timeoutMillis;
    this.transitions = transitions;
    this.executor =
        new ThreadPoolExecutor(
            0, MAX_CHECK_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
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
    lastDependencyStatus.remove(name);
  }

  /** Results of the checks of the given kinds (all when none given), in registration order. */
  public List<CheckResult> run(HealthCheck.Kind... kinds) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<HealthCheck> selected = new ArrayList<>();
    for (HealthCheck check : checks) {
      if (kinds.length == 0 || contains(kinds, check.kind())) {
        selected.add(check);
      }
    }
    // Start every slow check first, then run the inline ones, then collect: they overlap.
    List<Future<CheckResult>> futures = new ArrayList<>(selected.size());
    for (HealthCheck check : selected) {
      futures.add(check.kind() == HealthCheck.Kind.LIVENESS ? null : submit(check));
    }
    List<CheckResult> results = new ArrayList<>(selected.size());
    for (int i = 0; i < selected.size(); i++) {
      HealthCheck check = selected.get(i);
      CheckResult result =
          futures.get(i) == null ? inline(check) : await(check, futures.get(i), deadline);
      if (check.kind() == HealthCheck.Kind.DEPENDENCY) {
        noteTransition(result);
      }
      results.add(result);
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

  private CheckResult inline(HealthCheck check) {
    CheckResult cached = fresh(check);
    return cached != null ? cached : runAndCache(check);
  }

  private CheckResult fresh(HealthCheck check) {
    Cached cached = cache.get(check.name());
    return cached != null && System.currentTimeMillis() - cached.atMillis < cacheMillis ? cached.result : null;
  }

  private Future<CheckResult> submit(HealthCheck check) {
    CheckResult cached = fresh(check);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    // One run at a time per check: concurrent probes share it instead of piling up. The task
    // is in the map before it can run, so its own removal at the end always finds it.
    FutureTask<CheckResult> task = new FutureTask<>(() -> runAndCache(check));
    Running started = new Running(task, System.nanoTime());
    Running existing = running.putIfAbsent(check.name(), started);
    if (existing != null && existing.task.isDone()) {
      // finished but not yet removed by its thread: its result is already cached or superseded
      running.remove(check.name(), existing);
      existing = running.putIfAbsent(check.name(), started);
    }
    if (existing != null) {
      long ranMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - existing.startNanos);
      if (existing.overdue || ranMillis >= timeoutMillis) {
        // Still stuck in an earlier run: waiting again would only make every probe slow.
        return CompletableFuture.completedFuture(
            result(check, HealthStatus.DOWN, 0, "no answer: the check has been running for " + ranMillis + " ms"));
      }
      return existing.task;
    }
    try {
      executor.execute(
          () -> {
            task.run();
            running.remove(check.name(), started);
          });
    } catch (RejectedExecutionException e) {
      running.remove(check.name(), started);
      return CompletableFuture.completedFuture(
          result(check, HealthStatus.DOWN, 0, "not run: " + MAX_CHECK_THREADS + " health checks are still running"));
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

  private CheckResult await(HealthCheck check, Future<CheckResult> future, long deadlineNanos) {
    long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
    try {
      return future.get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      Running run = running.get(check.name());
      if (run != null && run.task == future) {
        run.overdue = true; // later probes answer at once while it is still stuck
      }
      return result(check, HealthStatus.DOWN, timeoutMillis, "no answer within " + timeoutMillis + " ms");
    } catch (ExecutionException e) {
      return result(check, HealthStatus.DOWN, 0, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(check, HealthStatus.DOWN, 0, "interrupted");
    }
  }

  /** One line when a dependency goes DOWN, one when it is back: enough for an operator, never a flood. */
  private void noteTransition(CheckResult result) {
    HealthStatus before = lastDependencyStatus.put(result.name, result.status);
    if (result.status == HealthStatus.DOWN && before != HealthStatus.DOWN) {
      Object error = result.details.get("error");
      transitions.accept("health check " + result.name + " is DOWN" + (error == null ? "" : ": " + error));
    } else if (before == HealthStatus.DOWN && result.status != HealthStatus.DOWN) {
      transitions.accept("health check " + result.name + " is " + result.status + " again");
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

  /** A run in progress, when it started, and whether a probe already gave up waiting for it. */
  private static final class Running {
    final FutureTask<CheckResult> task;
    final long startNanos;
    volatile boolean overdue;

    Running(FutureTask<CheckResult> task, long startNanos) {
      this.task = task;
      this.startNanos = startNanos;
    }
  }
}
