package dev.monitor.agent.jdbc;

import java.util.Locale;

/**
 * Whether a failed {@code getConnection} was a pool timeout (the pool stayed exhausted for its
 * whole wait) rather than, say, a wrong password. Pools say it differently: HikariCP throws
 * {@code SQLTransientConnectionException}, DBCP2 "Timeout waiting for idle object", Tomcat JDBC
 * a {@code PoolExhaustedException}, c3p0 "checkout ... timed out".
 */
final class PoolTimeouts {

  private PoolTimeouts() {}

  static boolean isTimeout(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLTimeoutException
          || type.endsWith("PoolExhaustedException")
          || type.endsWith("TimeoutException")) {
        return true;
      }
      String message = t.getMessage();
      if (message != null) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("timeout") || m.contains("timed out") || m.contains("pool exhausted")) {
          return true;
        }
      }
    }
    return false;
  }
}
