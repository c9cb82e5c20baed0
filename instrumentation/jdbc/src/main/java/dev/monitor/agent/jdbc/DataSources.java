package dev.monitor.agent.jdbc;

import dev.monitor.agent.identity.ConcurrentWeakIdentityMap;
import dev.monitor.agent.metrics.FirstSeen;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.Counter;
import dev.monitor.agent.metrics.LatencyHistogram;
import dev.monitor.bootstrap.AgentTagged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The data sources the service has used, and the connections they have handed out and not yet
 * had back. A data source is registered the first time its {@code getConnection} is the
 * outermost call on a thread; one that a pool calls internally to open physical connections
 * (a driver's {@code PGSimpleDataSource} under HikariCP) is recognized once, from the call
 * stack, and ignored, so a pool is never reported twice. Thread-safe.
 */
final class DataSources {

  /** Code of these packages calling a data source means it is a pool's internal source. */
  private static final String[] POOL_PACKAGES = {
    "com.zaxxer.hikari.", "org.apache.commons.dbcp2.", "org.apache.commons.dbcp.",
    "org.apache.tomcat.jdbc.pool.", "org.apache.tomcat.dbcp.", "com.mchange.v2.", "org.vibur.",
    "com.alibaba.druid.", "io.agroal.", "oracle.ucp.", "com.jolbox.bonecp.",
    "org.apache.ibatis.datasource.pooled."
  };

  /** Data sources followed at most (an application making one per request must not grow the agent). */
  static final int LIMIT = 256;

  /** The entry of a pool's internal data source (or one past the limit): nothing is recorded for it. */
  static final DataSourceEntry IGNORED = new DataSourceEntry(null, "ignored", PoolView.UNKNOWN, null, null, null);

  private final FirstSeen<Object, DataSourceEntry> byDataSource = FirstSeen.byIdentity("data sources", LIMIT);
  private final ConcurrentWeakIdentityMap<Object, Lease> leases = new ConcurrentWeakIdentityMap<>();
  /** Guarded by {@code byDataSource}'s first sight (one registration at a time). */
  private final Map<String, Integer> sequence = new HashMap<>();
  private final LatencyHistogram waitTime;
  private final LatencyHistogram useTime;
  private final Counter timeouts;
  private final Consumer<DataSourceEntry> onAdded;
  private final Consumer<DataSourceEntry> onRemoved;

  DataSources(
      LatencyHistogram waitTime, LatencyHistogram useTime, Counter timeouts,
      Consumer<DataSourceEntry> onAdded, Consumer<DataSourceEntry> onRemoved) {
    this.waitTime = waitTime;
    this.useTime = useTime;
    this.timeouts = timeouts;
    this.onAdded = onAdded;
    this.onRemoved = onRemoved;
  }

  /** The entry of a data source, registering it the first time (on the caller's thread). */
  DataSourceEntry entryFor(Object dataSource) {
    DataSourceEntry entry = byDataSource.get(dataSource);
    if (entry == null) {
      entry = byDataSource.entryFor(dataSource, this::register);
    }
    return entry != null ? entry : IGNORED;
  }

  /**
   * The entry of a data source, registering it now if its pool already has a name; null when it
   * has none yet (a HikariCP pool made with the no-argument constructor, which Spring Boot uses,
   * is named as its first {@code getConnection} starts it): the caller registers it after that
   * call with {@link #entryFor}, so the pool is reported under the name HikariCP and Micrometer
   * give it.
   */
  DataSourceEntry entryIfNamed(Object dataSource) {
    DataSourceEntry entry = byDataSource.get(dataSource);
    if (entry != null) {
      return entry;
    }
    if (byDataSource.seen(dataSource)) {
      return IGNORED;
    }
    try {
      PoolView view = ReflectivePoolView.of(dataSource);
      if (view != null && view != PoolView.UNKNOWN) {
        String name = view.name();
        if ((name == null || name.isEmpty()) && view.namedOnStart()) {
          return null;
        }
      }
    } catch (Exception | LinkageError e) {
      // register now; register() reports what it cannot read
    }
    return entryFor(dataSource);
  }

  /** Runs under the registry's lock, once per data source; null for a pool's internal source. */
  private DataSourceEntry register(Object dataSource) {
    if (calledByPool()) {
      AgentLog.debug("data source " + dataSource.getClass().getName() + " is a pool's own source; not reported");
      return null;
    }
    PoolView view;
    try {
      view = ReflectivePoolView.of(dataSource);
    } catch (Exception | LinkageError e) {
      AgentLog.warnOnce("pool " + dataSource.getClass().getName(),
          "cannot read pool " + dataSource.getClass().getName() + "; its gauges come from the agent's own counts", e);
      view = null;
    }
    if (view == null) {
      view = PoolView.UNKNOWN;
    }
    String name = null;
    try {
      name = view.name();
    } catch (Exception | LinkageError e) {
      AgentLog.debug("pool " + dataSource.getClass().getName() + " has no name yet: " + e);
    }
    name = uniqueName(name, view, dataSource);
    DataSourceEntry entry =
        new DataSourceEntry(
            dataSource, name, view, waitTime.series().get(name), useTime.series().get(name),
            timeouts.series().get(name));
    AgentLog.info("database pool '" + name + "' (" + view.kind() + ", " + dataSource.getClass().getName() + ") is monitored");
    onAdded.accept(entry);
    return entry;
  }

  private String uniqueName(String name, PoolView view, Object dataSource) {
    String base = name;
    if (base == null || base.isEmpty()) {
      String prefix = view == PoolView.UNKNOWN ? dataSource.getClass().getSimpleName() : view.kind();
      int n = sequence.merge(prefix, 1, Integer::sum);
      base = prefix + "-" + n;
    }
    String unique = base;
    for (int n = 2; taken(unique); n++) {
      unique = base + "#" + n;
    }
    return unique;
  }

  private boolean taken(String name) {
    for (DataSourceEntry e : byDataSource.entries()) {
      if (e.name.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Below the {@code getConnection} frame being registered, is a pool's code calling it? */
  private static boolean calledByPool() {
    return StackWalker.getInstance()
        .walk(
            frames -> {
              boolean belowGetConnection = false;
              for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                if (!belowGetConnection) {
                  belowGetConnection = frame.getMethodName().equals("getConnection")
                      && !frame.getClassName().startsWith("dev.monitor.");
                  continue;
                }
                for (String pkg : POOL_PACKAGES) {
                  if (frame.getClassName().startsWith(pkg)) {
                    return true;
                  }
                }
              }
              return false;
            });
  }

  /**
   * Notes a connection's lease: on the connection itself where the agent gave its class a field
   * ({@link AgentTagged}), else in the weakly keyed map.
   */
  void leased(Object connection, DataSourceEntry pool, long nowNanos) {
    Lease lease = new Lease(pool, nowNanos);
    if (connection instanceof AgentTagged) {
      AgentTagged tagged = (AgentTagged) connection;
      Object before = tagged.monitor$tag();
      if (before instanceof Lease && ((Lease) before).end()) {
        ((Lease) before).pool.taggedLeases.decrement(); // handed out again unclosed: the old lease ends
      }
      tagged.monitor$tag(lease);
      pool.taggedLeases.increment();
    } else {
      leases.put(connection, lease);
    }
  }

  private Lease noted(Object connection) {
    if (connection instanceof AgentTagged) {
      Object tag = ((AgentTagged) connection).monitor$tag();
      return tag instanceof Lease ? (Lease) tag : null;
    }
    return leases.get(connection);
  }

  /** The open lease of a connection, or null when it did not come from a data source we saw. */
  Lease lease(Object connection) {
    Lease lease = noted(connection);
    return lease != null && lease.open() ? lease : null;
  }

  /**
   * Ends a connection's lease on its first close, and forgets it (so the map holds only open
   * leases, and the GC has no weak reference of a returned connection to process); null when
   * there is none to end.
   */
  Lease release(Object connection) {
    Lease lease = noted(connection);
    if (lease != null && lease.end()) {
      if (connection instanceof AgentTagged) {
        ((AgentTagged) connection).monitor$tag(null);
        lease.pool.taggedLeases.decrement();
      } else {
        leases.remove(connection);
      }
      return lease;
    }
    return null;
  }

  /** Connections leased from {@code pool} and not yet closed (for pools that do not say). */
  int openLeases(DataSourceEntry pool) {
    int[] count = {(int) pool.taggedLeases.sum()};
    leases.forEach(
        (connection, lease) -> {
          if (lease.pool == pool && lease.open()) {
            count[0]++;
          }
        });
    return count[0];
  }

  /**
   * The data sources in use; closed or collected ones are dropped first (with their health
   * check). Reader side.
   */
  List<DataSourceEntry> active() {
    List<DataSourceEntry> entries = byDataSource.entries();
    List<DataSourceEntry> live = new ArrayList<>(entries.size());
    for (DataSourceEntry entry : entries) {
      boolean gone = entry.dataSource.get() == null;
      try {
        gone = gone || entry.view.closed();
      } catch (Exception | LinkageError e) {
        // cannot tell: keep it
      }
      if (gone) {
        byDataSource.forget(entry);
        AgentLog.info("database pool '" + entry.name + "' was closed; no longer monitored");
        onRemoved.accept(entry);
      } else {
        live.add(entry);
      }
    }
    return live;
  }
}
