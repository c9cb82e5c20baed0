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
  /** Where {@link RouteTable} copies a path to walk it. */
  private char[] chars = new char[128];

  /** The thread's character buffer, at least {@code length} long (only a path up to 4 × LONGEST is kept). */
  char[] chars(int length) {
    if (length <= chars.length) {
      return chars;
    }
    char[] bigger = new char[length];
    if (length <= LONGEST * 4) {
      chars = bigger;
    }
    return bigger;
  }

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

  private final String[] directoryPrefixes = new String[SIZE];
  private final String[] directories = new String[SIZE];
  private final String[] directoryRoutes = new String[SIZE];

  private static int directorySlot(String prefix, String path, int end) {
    int h = prefix.hashCode();
    for (int i = 0; i < end; i++) {
      h = 31 * h + path.charAt(i);
    }
    h ^= h >>> 16;
    return h & (SIZE - 1);
  }

  /**
   * The route of a raw path whose last segment (after {@code lastSlash}) is an id, when this
   * thread lately resolved a path with the same rest (prefix and path up to {@code lastSlash}):
   * {@code /api/users/42} after {@code /api/users/7}. The template is made segment by segment,
   * so the rest's template and {@code /{id}} are the path's whole template.
   */
  String byDirectory(String prefix, String path, int lastSlash) {
    int slot = directorySlot(prefix, path, lastSlash);
    String directory = directories[slot];
    if (directory != null && directory.length() == lastSlash && path.startsWith(directory)
        && directoryPrefixes[slot].equals(prefix)) {
      return directoryRoutes[slot];
    }
    return null;
  }

  void putDirectory(String prefix, String path, int lastSlash, String route) {
    if (lastSlash + prefix.length() > LONGEST) {
      return;
    }
    int slot = directorySlot(prefix, path, lastSlash);
    directoryPrefixes[slot] = prefix;
    directoryRoutes[slot] = route;
    directories[slot] = path.substring(0, lastSlash);
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
