package dev.monitor.agent.http;

import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.metrics.SeriesTable;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a request path into a bounded route template: a framework's template is kept as it is;
 * a raw path has every segment that is not a plain word (see {@link #isIdLike}) replaced by
 * {@code {id}} and path parameters ({@code ;jsessionid=…}) dropped.
 *
 * <p>A path the thread resolved lately is answered from its {@link RecentRoutes}. Any other is
 * templated once into the thread's scratch builder, which is hashed and compared with the stored
 * templates, so a known route costs no allocation; only a new route builds its string. Past {@code limit} templates every new path
 * is {@code other} (one warning says so). Threading: lock-free reads, copy-on-write inserts
 * under a lock.
 */
final class RouteTable {

  /** The one overflow value of every bounded table ({@link SeriesTable#OTHER}). */
  static final String OTHER = SeriesTable.OTHER;
  static final String ID = "{id}";


  /** Per thread: what this thread resolved lately (see {@link RecentRoutes}). */
  private final ThreadLocal<RecentRoutes> recentOfThread = ThreadLocal.withInitial(RecentRoutes::new);

  private final int limit;
  private final Object lock = new Object();
  private volatile String[] table = new String[64];
  private volatile int size;
  private final AtomicBoolean warned = new AtomicBoolean();

  RouteTable(int limit) {
    this.limit = limit;
  }

  /**
   * The template named by {@code prefix + path} (the prefix is a context path, or empty).
   *
   * @param normalize false for a framework's template, which is already bounded
   */
  String resolve(String prefix, String path, boolean normalize) {
    RecentRoutes recent = recentOfThread.get();
    int slot = RecentRoutes.slot(prefix, path, normalize);
    String known = recent.get(slot, prefix, path, normalize);
    if (known != null) {
      return known;
    }
    // a raw path whose last segment is an id: the rest of it, seen lately, names the route
    int last = normalize ? path.lastIndexOf('/') : -1;
    boolean idAtEnd = last >= 0 && last < path.length() - 1 && path.indexOf(';', last) < 0
        && isIdLike(path, last + 1, recent);
    if (idAtEnd) {
      String byDirectory = recent.byDirectory(prefix, path, last);
      if (byDirectory != null) {
        return byDirectory;
      }
    }
    String route = lookUp(prefix, path, normalize, recent);
    recent.put(slot, prefix, path, normalize, route);
    if (idAtEnd && route != OTHER && route.endsWith("/" + ID)) {
      recent.putDirectory(prefix, path, last, route);
    }
    return route;
  }

  /** Whether the path's segment from {@code from} to its end is an id (see {@link #isIdLike}). */
  private static boolean isIdLike(String path, int from, RecentRoutes thread) {
    int length = path.length() - from;
    char[] chars = thread.chars(length);
    path.getChars(from, path.length(), chars, 0);
    return isIdLike(chars, 0, length);
  }

  /**
   * Templates the path once into the thread's scratch builder, hashes that, and compares it with
   * the stored templates of that hash; only a route never seen before becomes a string.
   */
  private String lookUp(String prefix, String path, boolean normalize, RecentRoutes thread) {
    StringBuilder scratch = thread.scratch;
    scratch.setLength(0);
    walk(prefix, path, normalize, thread, scratch);
    int length = scratch.length();
    int hash = 0;
    for (int k = 0; k < length; k++) {
      hash = 31 * hash + scratch.charAt(k);
    }
    String[] current = table;
    int mask = current.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      String route = current[i];
      if (route == null) {
        break;
      }
      if (route.hashCode() == hash && route.contentEquals(scratch)) {
        return route;
      }
    }
    if (size >= limit) {
      return full();
    }
    String route = insert(scratch.toString());
    if (scratch.capacity() > RecentRoutes.LONGEST * 4) {
      scratch.setLength(0);
      scratch.trimToSize(); // one very long path must not leave every thread a big buffer
    }
    return route;
  }

  private String full() {
    if (!warned.get() && warned.compareAndSet(false, true)) {
      AgentLog.warn(
          "http.route reached its limit of " + limit + " routes (monitor.metrics.series-limit); requests on"
              + " new routes are counted under http.route=\"other\", with their method and status");
    }
    return OTHER;
  }

  private String insert(String route) {
    synchronized (lock) {
      String[] current = table;
      for (String existing : current) {
        if (route.equals(existing)) {
          return existing;
        }
      }
      if (size >= limit) {
        return full();
      }
      String[] next = current;
      if ((size + 1) * 2 > current.length) {
        next = new String[current.length * 2];
        for (String existing : current) {
          if (existing != null) {
            place(next, existing);
          }
        }
      } else {
        next = Arrays.copyOf(current, current.length);
      }
      place(next, route);
      table = next;
      size++;
      return route;
    }
  }

  private static void place(String[] target, String route) {
    int mask = target.length - 1;
    int i = spread(route.hashCode()) & mask;
    while (target[i] != null) {
      i = (i + 1) & mask;
    }
    target[i] = route;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /**
   * Appends the template that {@code prefix + path} names to {@code out}. The two are copied once
   * into the thread's character buffer, so the walk indexes an array.
   */
  private static void walk(String prefix, String path, boolean normalize, RecentRoutes thread, StringBuilder out) {
    int total = prefix.length() + path.length();
    if (total == 0) {
      out.append('/');
      return;
    }
    char[] chars = thread.chars(total);
    prefix.getChars(0, prefix.length(), chars, 0);
    path.getChars(0, path.length(), chars, prefix.length());
    int i = 0;
    while (i < total) {
      if (chars[i] == '/') {
        out.append('/');
        i++;
        continue;
      }
      int end = i;
      int stop = -1;
      while (end < total && chars[end] != '/') {
        if (stop < 0 && normalize && chars[end] == ';') {
          stop = end;
        }
        end++;
      }
      if (stop < 0) {
        stop = end;
      }
      if (normalize && isIdLike(chars, i, stop)) {
        out.append(ID);
      } else {
        out.append(chars, i, stop - i);
      }
      i = end;
    }
  }

  /**
   * Whether a raw path segment is a value rather than a word of the route, so it must become
   * {@code {id}}: a route must never carry an e-mail address, a token or a name. A segment is
   * kept only when it is a plain word: letters, digits, {@code - _ . ~} and nothing else, and not
   * <ul>
   *   <li>all digits, or 16+ hex characters with a digit (numbers, hashes, UUIDs without dashes),
   *       or a UUID;
   *   <li>a run of letters mixed with digits longer than 8 characters between separators
   *       ({@code v2}, {@code oauth2}, {@code sha256} and {@code app-v3.min.js} stay;
   *       {@code a1b2c3d4e5} does not);
   *   <li>a base64-like run: 16+ characters whose case flips at least every fourth character;
   *   <li>32 characters or longer.
   * </ul>
   * Anything else ({@code @ = % + : , ! $ '} and other bytes, so every percent-escape) is a value.
   */
  static boolean isIdLike(char[] chars, int from, int to) {
    int length = to - from;
    if (length == 0) {
      return false;
    }
    if (length >= 32) {
      return true;
    }
    boolean allDigits = true;
    boolean allHex = true;
    boolean anyDigit = false;
    boolean longMixedRun = false;
    int run = 0;
    boolean runDigit = false;
    boolean runLetter = false;
    boolean uuidShape = length == 36;
    int caseFlips = 0;
    int lastCase = 0; // 1 lower, 2 upper
    for (int k = from; k < to; k++) {
      char c = chars[k];
      boolean digit = c >= '0' && c <= '9';
      boolean lower = c >= 'a' && c <= 'z';
      boolean upper = c >= 'A' && c <= 'Z';
      boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!digit && !lower && !upper && c != '-' && c != '_' && c != '.' && c != '~') {
        return true;
      }
      anyDigit |= digit;
      if (digit || lower || upper) {
        run++;
        runDigit |= digit;
        runLetter |= !digit;
        longMixedRun |= run > 8 && runDigit && runLetter;
      } else {
        run = 0;
        runDigit = false;
        runLetter = false;
      }
      allDigits &= digit;
      allHex &= hex;
      int letterCase = lower ? 1 : upper ? 2 : 0;
      if (letterCase != 0) {
        if (lastCase != 0 && letterCase != lastCase) {
          caseFlips++;
        }
        lastCase = letterCase;
      }
      if (uuidShape) {
        int at = k - from;
        boolean dashPlace = at == 8 || at == 13 || at == 18 || at == 23;
        uuidShape = dashPlace ? c == '-' : hex;
      }
    }
    return allDigits
        || uuidShape
        || (allHex && anyDigit && length >= 16)
        || longMixedRun
        || (length >= 16 && caseFlips * 4 >= length);
  }
}
