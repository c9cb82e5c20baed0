package dev.monitor.agent.endpoint;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.x request head. Parsing is strict where leniency costs safety (a request line
 * that is not {@code METHOD SP target SP HTTP/1.x}, a header without a colon, a body) and lenient
 * where clients differ (bare LF line ends, header-name case). Immutable.
 */
final class Request {

  final String method;
  /** The path without query; percent-escapes are left as they came. */
  final String path;
  /** The raw query, or null. */
  final String query;
  final boolean http11;
  /** Lower-case names; repeated headers are joined with {@code ", "}. */
  final Map<String, String> headers;

  private Request(String method, String path, String query, boolean http11, Map<String, String> headers) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.http11 = http11;
    this.headers = headers;
  }

  static Request of(String method, String target, Map<String, String> headers) {
    int q = target.indexOf('?');
    return new Request(
        method, q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1), true, headers);
  }

  String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  /** Every value of query parameter {@code name} ({@code name[]=a&name[]=b}), URL-decoded. */
  List<String> parameters(String name) {
    List<String> values = new ArrayList<>();
    if (query == null) {
      return values;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  /** The first value of query parameter {@code name}, or null. */
  String parameter(String name) {
    List<String> values = parameters(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (IllegalArgumentException | UnsupportedEncodingException e) {
      return s; // a malformed escape: taken as written, it matches nothing
    }
  }

  /** Whether the client takes a gzip body ({@code Accept-Encoding: gzip}, not with q=0). */
  boolean acceptsGzip() {
    String encodings = header("accept-encoding");
    if (encodings == null) {
      return false;
    }
    for (String coding : encodings.split(",")) {
      String[] parts = coding.trim().split(";");
      if (parts[0].trim().equalsIgnoreCase("gzip")) {
        return !(parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
      }
    }
    return false;
  }

  /** Whether the connection may serve another request after this one. */
  boolean keepAlive() {
    String connection = header("connection");
    String c = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
    return http11 ? !c.contains("close") : c.contains("keep-alive");
  }

  /** Thrown for a head that is not HTTP/1.x; carries the status to answer before closing. */
  static final class Malformed extends Exception {
    final int status;

    Malformed(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /**
   * Parses {@code head[0..length)}, which ends with the blank line. Only US-ASCII is accepted in
   * the request line; header values are read as ISO-8859-1, as RFC 9110 allows.
   */
  static Request parse(byte[] head, int length) throws Malformed {
    String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf('\n');
    if (lineEnd < 0) {
      throw new Malformed(400, "no request line");
    }
    String line = stripCr(text.substring(0, lineEnd));
    int sp1 = line.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
      throw new Malformed(400, "the request line is not METHOD target HTTP/1.1");
    }
    String method = line.substring(0, sp1);
    String target = line.substring(sp1 + 1, sp2);
    String version = line.substring(sp2 + 1);
    if (!isToken(method)) {
      throw new Malformed(400, "the method is not a token");
    }
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new Malformed(505, "only HTTP/1.0 and HTTP/1.1 are served");
    }
    if (target.isEmpty() || !isVisibleAscii(target)) {
      throw new Malformed(400, "the request target is not visible US-ASCII");
    }
    if (!target.startsWith("/") && !target.equals("*")) {
      // absolute-form (a proxy request): only the path is ours
      int scheme = target.indexOf("://");
      int slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
      if (scheme < 0) {
        throw new Malformed(400, "the request target is not a path");
      }
      target = slash < 0 ? "/" : target.substring(slash);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    int at = lineEnd + 1;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      String header = stripCr(text.substring(at, end));
      at = end + 1;
      if (header.isEmpty()) {
        break;
      }
      int colon = header.indexOf(':');
      if (colon <= 0 || !isToken(header.substring(0, colon))) {
        throw new Malformed(400, "a header line is not name: value");
      }
      String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      headers.merge(name, value, (a, b) -> a + ", " + b);
    }
    String contentLength = headers.getOrDefault("content-length", "0");
    if (!contentLength.matches("\\d{1,18}")) {
      throw new Malformed(400, "Content-Length is not a number");
    }
    if (headers.containsKey("transfer-encoding") || Long.parseLong(contentLength) > 0) {
      throw new Malformed(413, "requests to the monitor port carry no body");
    }
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    int hash = path.indexOf('#');
    if (hash >= 0) {
      path = path.substring(0, hash);
    }
    return new Request(method, path, query, version.equals("HTTP/1.1"), Collections.unmodifiableMap(headers));
  }

  /** Whether {@code b} can start a request line; lets the server drop TLS or binary bytes at once. */
  static boolean canStartRequest(byte b) {
    return b >= 'A' && b <= 'Z';
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
