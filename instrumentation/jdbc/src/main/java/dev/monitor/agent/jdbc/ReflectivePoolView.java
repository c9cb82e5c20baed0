package dev.monitor.agent.jdbc;

import java.lang.reflect.Method;

/**
 * A {@link PoolView} over a known pool class, by reflection. Each figure is a chain of no-argument
 * getters (or, written {@code .name}, a field) from the data source ({@code getHikariPoolMXBean().getIdleConnections()}); the
 * methods are looked up once, when the pool is first seen. A getter that does not exist in the
 * pool's version yields -1 for that figure.
 */
final class ReflectivePoolView implements PoolView {

  private final String kind;
  /**
   * Weakly: the registry maps the data source (a weak key) to the entry holding this view, so a
   * strong reference here would keep the pool, and a webapp's class loader with it, forever.
   */
  private final java.lang.ref.WeakReference<Object> dataSource;
  private final String[] name;
  private final String[] idle;
  private final String[] used;
  private final String[] max;
  private final String[] pending;
  private final String[] closed;
  /** The closed path ends in a reference that the pool clears when closed, not a boolean. */
  private final boolean closedWhenNull;

  private ReflectivePoolView(
      String kind, Object dataSource, String[] name, String[] idle, String[] used, String[] max,
      String[] pending, String[] closed) {
    this(kind, dataSource, name, idle, used, max, pending, closed, false);
  }

  private ReflectivePoolView(
      String kind, Object dataSource, String[] name, String[] idle, String[] used, String[] max,
      String[] pending, String[] closed, boolean closedWhenNull) {
    this.kind = kind;
    this.dataSource = new java.lang.ref.WeakReference<>(dataSource);
    this.name = name;
    this.idle = idle;
    this.used = used;
    this.max = max;
    this.pending = pending;
    this.closed = closed;
    this.closedWhenNull = closedWhenNull;
  }

  /**
   * The view of a data source whose class (or a superclass) is a pool the agent knows, else
   * null. Spring's {@code DelegatingDataSource} wrappers are seen through to their target.
   */
  static PoolView of(Object dataSource) throws Exception {
    for (Class<?> c = dataSource.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      switch (c.getName()) {
        case "com.zaxxer.hikari.HikariDataSource":
          return new ReflectivePoolView(
              "hikaricp", dataSource,
              path("getPoolName"),
              path("getHikariPoolMXBean", "getIdleConnections"),
              path("getHikariPoolMXBean", "getActiveConnections"),
              path("getMaximumPoolSize"),
              path("getHikariPoolMXBean", "getThreadsAwaitingConnection"),
              path("isClosed"));
        case "org.apache.commons.dbcp2.BasicDataSource":
          return new ReflectivePoolView(
              "dbcp2", dataSource,
              path("getJmxName"),
              path("getNumIdle"),
              path("getNumActive"),
              path("getMaxTotal"),
              path("getConnectionPool", "getNumWaiters"),
              path("isClosed"));
        case "org.apache.tomcat.jdbc.pool.DataSourceProxy":
          return new ReflectivePoolView(
              "tomcat-jdbc", dataSource,
              path("getName"), // the configured name: getPoolName() fails before the pool exists
              path("getIdle"),
              path("getActive"),
              path("getMaxActive"),
              path("getWaitCount"),
              // the field, not getPool(), which would create the pool again after close()
              path(".pool"),
              true);
        case "com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource":
          return new ReflectivePoolView(
              "c3p0", dataSource,
              path("getDataSourceName"),
              path("getNumIdleConnectionsDefaultUser"),
              path("getNumBusyConnectionsDefaultUser"),
              path("getMaxPoolSize"),
              path("getNumThreadsAwaitingCheckoutDefaultUser"),
              null);
        case "org.springframework.jdbc.datasource.DelegatingDataSource":
          {
            Object target = call(dataSource, "getTargetDataSource");
            return target == null || target == dataSource ? null : of(target);
          }
        default:
          break;
      }
    }
    return null;
  }

  private static String[] path(String... getters) {
    return getters;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public boolean namedOnStart() {
    return kind.equals("hikaricp");
  }

  @Override
  public String name() throws Exception {
    Object value = read(name);
    return value == null ? null : value.toString();
  }

  @Override
  public int idle() throws Exception {
    return number(read(idle));
  }

  @Override
  public int used() throws Exception {
    return number(read(used));
  }

  @Override
  public int max() throws Exception {
    return number(read(max));
  }

  @Override
  public int pending() throws Exception {
    return number(read(pending));
  }

  @Override
  public boolean closed() throws Exception {
    if (dataSource.get() == null) {
      return true; // collected
    }
    if (closed == null) {
      return false;
    }
    Object value = read(closed);
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    return value == null && closedWhenNull;
  }

  private static int number(Object value) {
    return value instanceof Number ? ((Number) value).intValue() : -1;
  }

  /** Follows the getter chain; null when a link is null or a getter does not exist. */
  private Object read(String[] getters) throws Exception {
    Object value = dataSource.get();
    for (String getter : getters) {
      if (value == null) {
        return null;
      }
      value = call(value, getter);
    }
    return value;
  }

  private static final Object MISSING = new Object();

  /** Calls a getter, or reads a field when the name starts with a dot ({@code .pool}). */
  static Object call(Object target, String getter) throws Exception {
    if (getter.startsWith(".")) {
      for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
        try {
          java.lang.reflect.Field field = c.getDeclaredField(getter.substring(1));
          field.setAccessible(true);
          return field.get(target);
        } catch (NoSuchFieldException e) {
          // look further up
        }
      }
      return null;
    }
    Method method = find(target.getClass(), getter);
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(target);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ? (Exception) cause : e;
    }
  }

  /**
   * The getter, public or (for DBCP2's {@code getConnectionPool}) protected; found on the class
   * or a superclass, or through a public interface when the class itself is not public (as
   * HikariCP's pool behind {@code HikariPoolMXBean}). Cached per class and name.
   */
  private static Method find(Class<?> type, String getter) {
    java.util.Map<String, Object> methods = METHODS.get(type);
    Object cached = methods.get(getter);
    if (cached == null) {
      Method found = lookUp(type, getter);
      cached = found == null ? MISSING : found;
      methods.put(getter, cached);
    }
    return cached == MISSING ? null : (Method) cached;
  }

  private static final ClassValue<java.util.Map<String, Object>> METHODS =
      new ClassValue<java.util.Map<String, Object>>() {
        @Override
        protected java.util.Map<String, Object> computeValue(Class<?> type) {
          return new java.util.concurrent.ConcurrentHashMap<>();
        }
      };

  private static Method lookUp(Class<?> type, String getter) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
          try {
            return i.getMethod(getter);
          } catch (NoSuchMethodException e) {
            // not on this interface
          }
        }
      }
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod(getter);
        if (m.getParameterCount() == 0) {
          m.setAccessible(true);
          return m;
        }
      } catch (NoSuchMethodException e) {
        // look further up
      } catch (RuntimeException e) {
        return null; // inaccessible (a module that does not open it): the figure is unknown
      }
    }
    return null;
  }
}
