package dev.monitor.agent.http;

/**
 * The routes a thread resolved last, by the path they came from: a request for a path this
 * thread served recently (a framework's template, which is the same text on every request of
 * its handler; {@code /api/hello}; a health check; the same id again) gets its route from one
 * {@link String#equals} instead of a walk of the path. Direct-mapped, {@value #SIZE} slots per
 * thread, overwritten on collision; filled only from {@link RouteTable}'s answers, which never
 * change once given (routes are never removed), so an entry can only be right or absent.
 *
 * <p>Per thread, so no lock, no allocation after the thread's first request, and no torn
 * entries: parallel arrays that only their thread reads and writes. What it holds is
 * strings only (a request's path and a route), nothing of a web application's class loader.
 */
final class RecentRoutes {

  static final int SIZE = 32;
  /** Longer paths are not kept: 32 of them per thread would be memory for nothing. */
  static final int LONGEST = 256;

  private final String[] prefixes = new String[SIZE];
  private final String[] paths = new String[SIZE];
  private final String[] routes = new String[SIZE];
  private final boolean[] normalized = new boolean[SIZE];
  /** Where {@link RouteTable} writes a template it looks up, so that a known one costs no string. */
  final StringBuilder scratch = new StringBuilder(64);

  static int slot(String prefix, String path, boolean normalize) {
    int h = path.hashCode() * 31 + prefix.hashCode();
    h ^= h >>> 16;
    return (normalize ? h : ~h) & (SIZE - 1);
  }

  /** The route stored for {@code prefix + path} in {@code slot}, or null. */
  String get(int slot, String prefix, String path, boolean normalize) {
    String known = paths[slot];
    if (known != null && known.equals(path) && prefixes[slot].equals(prefix) && normalized[slot] == normalize) {
      return routes[slot];
    }
    return null;
  }

  void put(int slot, String prefix, String path, boolean normalize, String route) {
    if (path.length() + prefix.length() > LONGEST) {
      return;
    }
    prefixes[slot] = prefix;
    routes[slot] = route;
    normalized[slot] = normalize;
    paths[slot] = path;
  }
}
