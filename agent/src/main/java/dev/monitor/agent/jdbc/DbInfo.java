package dev.monitor.agent.jdbc;

import java.util.Locale;

/**
 * The database a connection talks to, read from its JDBC URL: {@code db.system.name},
 * {@code db.namespace} (the database name) and the server address. No user, password or URL
 * parameter is kept. Immutable.
 */
final class DbInfo {

  static final DbInfo UNKNOWN = new DbInfo("other_sql", null, null, -1);

  final String system;
  final String namespace;
  final String host;
  final int port;

  DbInfo(String system, String namespace, String host, int port) {
    this.system = system;
    this.namespace = namespace;
    this.host = host;
    this.port = port;
  }

  /** {@code host:port}, or null when the URL names no server (embedded databases). */
  String address() {
    return host == null ? null : port > 0 ? host + ":" + port : host;
  }

  /** Reads a JDBC URL; anything it cannot read gives {@code other_sql} and no namespace. */
  static DbInfo fromUrl(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return UNKNOWN;
    }
    String rest = url.substring(5);
    // wrappers such as jdbc:p6spy:postgresql://... or jdbc:tc:postgresql:...
    for (String wrapper : new String[] {"p6spy:", "log4jdbc:", "tc:", "otel:"}) {
      if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
        rest = rest.substring(wrapper.length());
      }
    }
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return UNKNOWN;
    }
    String sub = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String tail = rest.substring(colon + 1);
    String system = system(sub);
    switch (system) {
      case "h2":
        return h2(tail);
      case "microsoft.sql_server":
        return sqlServer(tail);
      case "oracle":
        return oracle(tail);
      case "sqlite":
      case "derby":
      case "hsqldb":
        return new DbInfo(system, lastSegment(stripParameters(stripPrefixes(tail))), null, -1);
      default:
        return hierarchical(system, tail);
    }
  }

  private static String system(String sub) {
    switch (sub) {
      case "postgresql":
      case "pgsql":
        return "postgresql";
      case "mysql":
        return "mysql";
      case "mariadb":
        return "mariadb";
      case "oracle":
        return "oracle";
      case "sqlserver":
      case "jtds":
        return "microsoft.sql_server";
      case "h2":
        return "h2";
      case "hsqldb":
        return "hsqldb";
      case "derby":
        return "derby";
      case "sqlite":
        return "sqlite";
      case "db2":
        return "ibm.db2";
      case "clickhouse":
      case "ch":
        return "clickhouse";
      case "snowflake":
        return "snowflake";
      case "cockroach":
        return "cockroachdb";
      default:
        return "other_sql";
    }
  }

  /** {@code //host[:port][,host2...]/database?params}, as PostgreSQL, MySQL and MariaDB write it. */
  private static DbInfo hierarchical(String system, String tail) {
    if (!tail.startsWith("//")) {
      return new DbInfo(system, null, null, -1);
    }
    String authorityAndPath = stripParameters(tail.substring(2));
    int slash = authorityAndPath.indexOf('/');
    String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
    String database = slash < 0 ? null : authorityAndPath.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1); // never keep user:password@
    }
    int comma = authority.indexOf(',');
    if (comma >= 0) {
      authority = authority.substring(0, comma);
    }
    return withHost(system, database == null || database.isEmpty() ? null : database, authority);
  }

  private static DbInfo withHost(String system, String database, String authority) {
    String host = authority;
    int port = -1;
    int colon = authority.lastIndexOf(':');
    if (colon > 0 && authority.indexOf(']') < colon) {
      host = authority.substring(0, colon);
      try {
        port = Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    return new DbInfo(system, database, host.isEmpty() ? null : host, port);
  }

  /** {@code mem:name}, {@code file:path/name}, {@code tcp://host:port/name}, {@code ./data/name}. */
  private static DbInfo h2(String tail) {
    String path = stripParameters(tail);
    if (path.startsWith("tcp://") || path.startsWith("ssl://")) {
      DbInfo remote = hierarchical("h2", path.substring(path.indexOf("//")));
      return new DbInfo("h2", lastSegment(remote.namespace), remote.host, remote.port);
    }
    return new DbInfo("h2", lastSegment(stripPrefixes(path)), null, -1);
  }

  /** {@code //host:port;databaseName=db;...}. */
  private static DbInfo sqlServer(String tail) {
    String database = null;
    for (String part : tail.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (key.equals("databasename") || key.equals("database")) {
          database = part.substring(eq + 1).trim();
        }
      }
    }
    String first = tail.split(";", 2)[0];
    String authority = first.startsWith("//") ? first.substring(2) : first;
    int slash = authority.indexOf('/');
    if (slash >= 0) {
      authority = authority.substring(0, slash);
    }
    return withHost("microsoft.sql_server", database, authority);
  }

  /** {@code thin:@host:port/service}, {@code thin:@//host:port/service}, {@code thin:@host:port:sid}. */
  private static DbInfo oracle(String tail) {
    int at = tail.indexOf('@');
    if (at < 0) {
      return new DbInfo("oracle", null, null, -1);
    }
    String target = stripParameters(tail.substring(at + 1));
    if (target.startsWith("(")) {
      return new DbInfo("oracle", null, null, -1); // a TNS descriptor: not read
    }
    if (target.startsWith("//")) {
      target = target.substring(2);
    }
    int slash = target.indexOf('/');
    if (slash >= 0) {
      return withHost("oracle", target.substring(slash + 1), target.substring(0, slash));
    }
    String[] parts = target.split(":");
    if (parts.length == 3) {
      return withHost("oracle", parts[2], parts[0] + ":" + parts[1]);
    }
    return new DbInfo("oracle", null, null, -1);
  }

  private static String stripParameters(String s) {
    int end = s.length();
    for (char c : new char[] {'?', ';'}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return s.substring(0, end);
  }

  private static String stripPrefixes(String s) {
    for (String prefix : new String[] {"mem:", "file:", "memory:", "directory:", "zip:", "split:", "nio:", "res:"}) {
      if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return s.substring(prefix.length());
      }
    }
    return s;
  }

  private static String lastSegment(String path) {
    if (path == null) {
      return null;
    }
    String p = path;
    while (p.endsWith("/") || p.endsWith("\\")) {
      p = p.substring(0, p.length() - 1);
    }
    int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    String name = cut >= 0 ? p.substring(cut + 1) : p;
    return name.isEmpty() ? null : name;
  }
}
