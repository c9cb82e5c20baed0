package dev.monitor.agent.jdbc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code db.system.name}, {@code db.namespace} and the first server's address from a JDBC
 * URL, in each driver's own forms, and nothing else: user, password and every other property
 * stay behind, wherever the URL puts them (user-info before {@code @}, MySQL's
 * {@code address=(…)(password=…)}, SQL Server's {@code ;password=…}, Oracle's
 * {@code user/password@}, a query or a fragment). As a last guard, a host or namespace that is
 * not made of the characters such names use is dropped rather than exported. Stateless.
 */
final class JdbcUrl {

  /** Host names, IPv4 literals, or an IPv6 literal in brackets. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");
  /** Database, schema and service names. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$-]{1,128}");
  private static final Pattern TNS_VALUE =
      Pattern.compile("\\(\\s*(HOST|PORT|SERVICE_NAME|SID)\\s*=\\s*([^()\\s]+)\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PAREN_KEY =
      Pattern.compile("(?:^|[(,])\\s*(host|port)\\s*=\\s*([^(),\\s]+)", Pattern.CASE_INSENSITIVE);

  private JdbcUrl() {}

  static DbInfo parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return DbInfo.UNKNOWN;
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
      return DbInfo.UNKNOWN;
    }
    String sub = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String tail = rest.substring(colon + 1);
    String system = system(sub);
    DbInfo parsed;
    switch (system) {
      case "h2":
        parsed = h2(tail);
        break;
      case "microsoft.sql_server":
        parsed = sqlServer(sub, tail);
        break;
      case "oracle":
        parsed = oracle(tail);
        break;
      case "sqlite":
      case "derby":
      case "hsqldb":
        parsed = new DbInfo(system, lastSegment(cut(stripPrefixes(tail), "?;#")), null, -1);
        break;
      case "mysql":
      case "mariadb":
        parsed = mysql(system, tail);
        break;
      case "postgresql":
        parsed = tail.startsWith("//") ? hierarchical(system, tail.substring(2)) : new DbInfo(system, cut(tail, "?;#"), null, -1);
        break;
      default:
        parsed = tail.startsWith("//") ? hierarchical(system, tail.substring(2)) : new DbInfo(system, null, null, -1);
    }
    return clean(parsed);
  }

  private static String system(String sub) {
    switch (sub) {
      case "postgresql":
      case "pgsql":
        return "postgresql";
      case "mysql":
      case "mysql+srv":
      case "mysqlx":
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

  /** The last guard: a host or name that is not shaped like one is dropped, never exported. */
  private static DbInfo clean(DbInfo db) {
    String host = db.host != null && HOST.matcher(db.host).matches() ? db.host : null;
    String namespace = db.namespace != null && NAME.matcher(db.namespace).matches() ? db.namespace : null;
    int port = host != null && db.port > 0 && db.port <= 65535 ? db.port : -1;
    return new DbInfo(db.system, namespace, host, port);
  }

  /**
   * {@code [user[:password]@]host[:port][,host2…][/database][?|;|#…]} (PostgreSQL, DB2,
   * ClickHouse…), {@code s} after the {@code //}.
   */
  private static DbInfo hierarchical(String system, String s) {
    s = afterUserInfo(s);
    String hostsAndPath = cut(s, "?;#&");
    int slash = hostsAndPath.indexOf('/');
    String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
    String database = slash < 0 ? null : hostsAndPath.substring(slash + 1);
    return withHost(system, empty(database), firstHost(hosts));
  }

  /**
   * MySQL Connector/J and MariaDB: the hierarchical form with optional sub-protocols
   * ({@code mysql:loadbalance://}, {@code mariadb:sequential://}, {@code mysql+srv://}), and the
   * host forms {@code address=(host=h)(port=p)(user=u)(password=x)} and {@code (host=h,port=p,…)}.
   */
  private static DbInfo mysql(String system, String tail) {
    int slashes = tail.indexOf("//");
    if (slashes < 0) {
      return new DbInfo(system, null, null, -1);
    }
    String s = tail.substring(slashes + 2);
    String trimmed = s.trim();
    if (trimmed.startsWith("(") || trimmed.regionMatches(true, 0, "address=", 0, 8)) {
      int end = endOfParenthesizedHosts(s);
      String hosts = s.substring(0, end);
      String path = s.substring(end);
      String database = path.startsWith("/") ? empty(cut(path.substring(1), "?;#&/")) : null;
      Matcher keys = PAREN_KEY.matcher(hosts);
      String host = null;
      int port = -1;
      while (keys.find()) {
        String key = keys.group(1).toLowerCase(Locale.ROOT);
        if (key.equals("host") && host == null) {
          host = keys.group(2);
        } else if (key.equals("port") && port < 0) {
          port = parsePort(keys.group(2));
        }
        if (host != null && port > 0) {
          break;
        }
      }
      return new DbInfo(system, database, host, port);
    }
    return hierarchical(system, s);
  }

  /** The index just past the host list of MySQL's parenthesized forms (a password may hold '/'). */
  private static int endOfParenthesizedHosts(String s) {
    int depth = 0;
    int lastClose = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        lastClose = i;
      } else if (depth == 0 && c == '/' && lastClose >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** {@code mem:name}, {@code file:path/name}, {@code tcp://host:port/name}, {@code ./data/name}. */
  private static DbInfo h2(String tail) {
    String path = cut(tail, ";?#");
    if (path.regionMatches(true, 0, "tcp://", 0, 6) || path.regionMatches(true, 0, "ssl://", 0, 6)) {
      DbInfo remote = hierarchical("h2", path.substring(6));
      return new DbInfo("h2", lastSegment(remote.namespace), remote.host, remote.port);
    }
    if (path.regionMatches(true, 0, "mem:", 0, 4)) {
      String name = path.substring(4);
      // Spring Boot names its embedded database with a random UUID per start: keep it stable.
      return new DbInfo("h2", name.isEmpty() || isGenerated(name) ? "mem" : name, null, -1);
    }
    return new DbInfo("h2", lastSegment(stripPrefixes(path)), null, -1);
  }

  /** A UUID, a number or a long hex string: a name a program made up, not a person. */
  private static boolean isGenerated(String name) {
    return name.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
        || name.matches("\\d+")
        || (name.length() >= 16 && name.matches("[0-9a-fA-F]+"));
  }

  /**
   * {@code sqlserver://host[\instance][:port][;prop=value…]}, where only {@code serverName},
   * {@code portNumber} and {@code databaseName} are read; jTDS {@code jtds:sqlserver://host:port/db;…}.
   */
  private static DbInfo sqlServer(String sub, String tail) {
    if (sub.equals("jtds")) {
      int slashes = tail.indexOf("//");
      return slashes < 0
          ? new DbInfo("microsoft.sql_server", null, null, -1)
          : hierarchical("microsoft.sql_server", tail.substring(slashes + 2));
    }
    String database = null;
    String serverName = null;
    int portNumber = -1;
    String[] parts = tail.split(";");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        String key = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = parts[i].substring(eq + 1).trim();
        if (key.equals("databasename") || key.equals("database")) {
          database = value;
        } else if (key.equals("servername") || key.equals("server")) {
          serverName = value;
        } else if (key.equals("portnumber") || key.equals("port")) {
          portNumber = parsePort(value);
        }
      }
    }
    String first = parts.length == 0 ? "" : parts[0];
    String authority = first.startsWith("//") ? first.substring(2) : first;
    authority = cut(authority, "/");
    if (authority.isEmpty() && serverName != null) {
      authority = serverName;
    }
    int backslash = authority.indexOf('\\');
    if (backslash >= 0) {
      int colon = authority.indexOf(':', backslash);
      authority = authority.substring(0, backslash) + (colon >= 0 ? authority.substring(colon) : "");
    }
    DbInfo info = withHost("microsoft.sql_server", database, authority);
    return info.port < 0 && portNumber > 0 ? new DbInfo(info.system, info.namespace, info.host, portNumber) : info;
  }

  /**
   * {@code thin:[user/password]@host:port:SID}, {@code thin:@[//]host:port/service[:server][/instance]},
   * Easy Connect Plus {@code thin:@tcps://host:port/service?…}, and TNS descriptors
   * {@code thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=p))(CONNECT_DATA=(SERVICE_NAME=s)))}.
   * A bare TNS alias names no server.
   */
  private static DbInfo oracle(String tail) {
    int paren = tail.indexOf('(');
    int at = tail.lastIndexOf('@', paren < 0 ? tail.length() : paren);
    if (at < 0) {
      return new DbInfo("oracle", null, null, -1);
    }
    String target = tail.substring(at + 1).trim();
    if (target.startsWith("(")) {
      String host = null;
      int port = -1;
      String service = null;
      Matcher m = TNS_VALUE.matcher(target);
      while (m.find()) {
        String key = m.group(1).toUpperCase(Locale.ROOT);
        if (key.equals("HOST") && host == null) {
          host = m.group(2);
        } else if (key.equals("PORT") && port < 0) {
          port = parsePort(m.group(2));
        } else if ((key.equals("SERVICE_NAME") || key.equals("SID")) && service == null) {
          service = m.group(2);
        }
      }
      return new DbInfo("oracle", service, host, port);
    }
    target = cut(target, "?#");
    int scheme = target.indexOf("://");
    if (scheme >= 0) {
      target = target.substring(scheme + 3);
    } else if (target.startsWith("//")) {
      target = target.substring(2);
    }
    int slash = target.indexOf('/');
    if (slash >= 0) {
      String service = cut(target.substring(slash + 1), ":/");
      return withHost("oracle", service, firstHost(target.substring(0, slash)));
    }
    String[] parts = target.split(":");
    if (parts.length == 3) {
      return withHost("oracle", parts[2], parts[0] + ":" + parts[1]);
    }
    return new DbInfo("oracle", null, null, -1); // a TNS alias: resolved by tnsnames.ora, not here
  }

  /**
   * What follows the user-info of {@code s} (text after {@code //}). The user-info ends at the
   * last {@code @} that is not inside a query parameter, so a password may hold {@code /},
   * {@code :} or {@code @}.
   */
  private static String afterUserInfo(String s) {
    int at = s.lastIndexOf('@');
    while (at >= 0) {
      int query = s.indexOf('?');
      boolean inQuery = query >= 0 && query < at && s.substring(query, at).indexOf('=') >= 0;
      if (!inQuery) {
        return s.substring(at + 1);
      }
      at = s.lastIndexOf('@', at - 1);
    }
    return s;
  }

  private static String firstHost(String hosts) {
    int comma = hosts.indexOf(',');
    return comma < 0 ? hosts : hosts.substring(0, comma);
  }

  private static DbInfo withHost(String system, String database, String authority) {
    String host = authority.trim();
    int port = -1;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon) {
      port = parsePort(host.substring(colon + 1));
      host = host.substring(0, colon);
    }
    return new DbInfo(system, database, host.isEmpty() ? null : host, port);
  }

  private static int parsePort(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > 5) {
      return -1;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(t);
  }

  /** {@code s} up to the first of {@code stops}. */
  private static String cut(String s, String stops) {
    int end = s.length();
    for (int i = 0; i < stops.length(); i++) {
      int at = s.indexOf(stops.charAt(i));
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return s.substring(0, end);
  }

  private static String empty(String s) {
    return s == null || s.isEmpty() ? null : s;
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
