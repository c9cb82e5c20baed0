package dev.monitor.agent.config;

import java.time.Duration;
import java.util.Set;

/** {@code monitor.http.*}: where the monitor port listens, who may read it, and its limits. Immutable. */
public final class HttpServerSettings {

  public final boolean enabled;
  public final String host;
  public final int port;
  /** Null when no token is required. */
  public final String token;
  /** Paths served without the token (only {@code /health/live} and {@code /health/ready} may be). */
  public final Set<String> tokenExempt;
  /** Lower-case names accepted in {@code Host} besides IP literals and localhost, when bound to loopback. */
  public final Set<String> allowedHosts;
  /** Connections open at once; past it the oldest idle one is closed for the new one. */
  public final int maxConnections;
  /** How long a request head may take to arrive once a connection is open or a request began. */
  public final Duration requestTimeout;

  HttpServerSettings(
      boolean enabled,
      String host,
      int port,
      String token,
      Set<String> tokenExempt,
      Set<String> allowedHosts,
      int maxConnections,
      Duration requestTimeout) {
    this.enabled = enabled;
    this.host = host;
    this.port = port;
    this.token = token;
    this.tokenExempt = tokenExempt;
    this.allowedHosts = allowedHosts;
    this.maxConnections = maxConnections;
    this.requestTimeout = requestTimeout;
  }

  /** For tests and embedders: no token, no extra host names, the default limits. */
  public static HttpServerSettings of(String host, int port) {
    return new HttpServerSettings(
        true, host, port, null, Set.of(), Set.of(), SettingsLoader.DEFAULT_MAX_CONNECTIONS,
        SettingsLoader.DEFAULT_REQUEST_TIMEOUT);
  }

  /** As this, with a token and its exempt paths. */
  public HttpServerSettings withToken(String token, Set<String> exempt) {
    return new HttpServerSettings(enabled, host, port, token, exempt, allowedHosts, maxConnections, requestTimeout);
  }
}
