package dev.monitor.agent.redis;

/** A Lettuce command between dispatch and completion. Immutable. */
final class InFlight {
  final long startNanos;
  final String name;
  final RedisServer server;

  InFlight(long startNanos, String name, RedisServer server) {
    this.startNanos = startNanos;
    this.name = name;
    this.server = server;
  }
}
