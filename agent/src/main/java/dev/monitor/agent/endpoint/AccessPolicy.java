package dev.monitor.agent.endpoint;

import dev.monitor.agent.config.HttpServerSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may read the monitor port. Two guards, both off unless they are needed:
 *
 * <ul>
 *   <li>{@code monitor.http.token}: every request needs {@code Authorization: Bearer <token>},
 *       except the paths in {@code monitor.http.token.exempt}, {@code OPTIONS} and the dashboard's
 *       static files (see {@link Dashboard}). The presented
 *       token is compared by its SHA-256 digest with {@link MessageDigest#isEqual}, so the time
 *       taken says nothing about how much of it was right, nor how long the real one is.
 *   <li>When the port is bound to loopback, a {@code Host} that is neither an IP literal,
 *       {@code localhost} nor a name in {@code monitor.http.allowed-hosts} is refused: a web page
 *       that re-binds its own DNS name to 127.0.0.1 cannot read the port from the user's browser.
 *       The check never resolves a name.
 * </ul>
 *
 * Immutable.
 */
final class AccessPolicy {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final byte[] tokenDigest;
  private final Set<String> exempt;
  private final boolean checkHost;
  private final Set<String> allowedHosts;

  AccessPolicy(HttpServerSettings settings, boolean boundToLoopback) {
    this.tokenDigest = settings.token == null ? null : sha256(settings.token);
    this.exempt = settings.tokenExempt;
    this.checkHost = boundToLoopback;
    this.allowedHosts = settings.allowedHosts;
  }

  boolean requiresToken() {
    return tokenDigest != null;
  }

  /** Null when the request may be served, else the answer that refuses it. */
  Response refuse(Request request) {
    if (checkHost && !hostAllowed(request.header("host"))) {
      return Response.error(
          403, "Host '" + printable(request.header("host")) + "' is not served on this loopback port;"
              + " use an IP address or localhost, or add the name to monitor.http.allowed-hosts");
    }
    // the dashboard's files are the same static page for everyone; the figures it then fetches need the token
    if (tokenDigest == null || request.method.equals("OPTIONS") || exempt.contains(request.path)
        || Dashboard.serves(request.path)) {
      return null;
    }
    String authorization = request.header("authorization");
    String presented = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = authorization.substring(7).trim();
    }
    if (presented != null && MessageDigest.isEqual(tokenDigest, sha256(presented))) {
      return null;
    }
    return Response.error(
            401, presented == null
                ? "this port needs Authorization: Bearer <monitor.http.token>"
                : "the bearer token is not the one set in monitor.http.token")
        .with("WWW-Authenticate", "Bearer realm=\"monitor\"");
  }

  private boolean hostAllowed(String host) {
    if (host == null) {
      return true; // HTTP/1.0 clients and scripts; a browser always sends Host
    }
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int close = name.indexOf(']');
      return close > 0 && isIpv6(name.substring(1, close));
    }
    int colon = name.lastIndexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.equals("localhost") || IPV4.matcher(name).matches() || allowedHosts.contains(name);
  }

  private static boolean isIpv6(String s) {
    if (s.isEmpty() || s.indexOf(':') < 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && i < 100; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '\'' && c != '"' && c != '\\' ? c : '?');
    }
    return out.toString();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
