package dev.monitor.agent.jdbc;

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

  /** Reads a JDBC URL; anything it cannot read gives {@code other_sql} and no namespace (see {@link JdbcUrl}). */
  static DbInfo fromUrl(String url) {
    return JdbcUrl.parse(url);
  }
}
