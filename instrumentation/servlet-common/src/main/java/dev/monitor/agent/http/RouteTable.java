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
 * <p>The table is keyed by the template's text without building it: the path is walked once to
 * hash the template it names and again to compare with a stored template, so a known route costs
 * no allocation. Only a new route builds its string. Past {@code limit} templates every new path
 * is {@code other} (one warning says so). Threading: lock-free reads, copy-on-write inserts
 * under a lock.
 */
final class RouteTable {

  /** The one overflow value of every bounded table ({@link SeriesTable#OTHER}). */
  static final String OTHER = SeriesTable.OTHER;
  static final String ID = "{id}";

  private static final int HASH = 0;
  private static final int MATCH = 1;
  private static final int BUILD = 2;

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
    int hash = walk(prefix, path, normalize, HASH, null, null);
    String[] current = table;
    int mask = current.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      String route = current[i];
      if (route == null) {
        break;
      }
      if (route.hashCode() == hash && walk(prefix, path, normalize, MATCH, route, null) >= 0) {
        return route;
      }
    }
    if (size >= limit) {
      return full();
    }
    StringBuilder built = new StringBuilder(prefix.length() + path.length());
    walk(prefix, path, normalize, BUILD, null, built);
    return insert(built.toString());
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
   * Walks the template that {@code prefix + path} names, one character at a time. HASH returns
   * the template's {@link String#hashCode}; MATCH returns a non-negative number when the template
   * equals {@code expected}, else -1; BUILD appends the template to {@code out}.
   */
  private static int walk(
      String prefix, String path, boolean normalize, int mode, String expected, StringBuilder out) {
    int total = prefix.length() + path.length();
    if (total == 0) {
      return finish(mode, emit(mode, 0, '/', expected, out), expected);
    }
    int state = 0;
    int i = 0;
    while (i < total) {
      char c = charAt(prefix, path, i);
      if (c == '/') {
        state = emit(mode, state, c, expected, out);
        i++;
        continue;
      }
      int end = i;
      while (end < total && charAt(prefix, path, end) != '/') {
        end++;
      }
      int stop = end;
      if (normalize) {
        stop = i;
        while (stop < end && charAt(prefix, path, stop) != ';') {
          stop++;
        }
      }
      if (normalize && isIdLike(prefix, path, i, stop)) {
        for (int k = 0; k < ID.length(); k++) {
          state = emit(mode, state, ID.charAt(k), expected, out);
        }
      } else {
        for (int k = i; k < stop; k++) {
          state = emit(mode, state, charAt(prefix, path, k), expected, out);
        }
      }
      if (mode == MATCH && state < 0) {
        return -1;
      }
      i = end;
    }
    return finish(mode, state, expected);
  }

  private static int finish(int mode, int state, String expected) {
    if (mode == MATCH) {
      return state == expected.length() ? state : -1;
    }
    return state;
  }

  private static int emit(int mode, int state, char c, String expected, StringBuilder out) {
    switch (mode) {
      case HASH:
        return 31 * state + c;
      case MATCH:
        return state >= 0 && state < expected.length() && expected.charAt(state) == c
            ? state + 1
            : -1;
      default:
        out.append(c);
        return state;
    }
  }

  private static char charAt(String prefix, String path, int i) {
    return i < prefix.length() ? prefix.charAt(i) : path.charAt(i - prefix.length());
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
  static boolean isIdLike(String prefix, String path, int from, int to) {
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
      char c = charAt(prefix, path, k);
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
