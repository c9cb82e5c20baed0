package dev.monitor.agent.redis;

/**
 * A Redis server the service has used: host and port (never a password), whether the client
 * speaks TLS to it, and which client libraries reached it. The version is filled in by its
 * health check. Fields other than the address are written by one thread at a time and read by
 * any, so they are volatile.
 */
final class RedisServer {

  static final RedisServer UNKNOWN = new RedisServer("unknown", -1, false);

  final String host;
  final int port;
  final boolean tls;
  volatile String version;
  volatile String mode;
  volatile boolean jedis;
  volatile boolean lettuce;

  RedisServer(String host, int port, boolean tls) {
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  String address() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  boolean known() {
    return port > 0;
  }
}
