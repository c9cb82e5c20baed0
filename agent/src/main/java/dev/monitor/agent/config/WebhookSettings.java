package dev.monitor.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/** {@code monitor.alerts.webhook.*}: where and how alert notifications are posted. Immutable. */
public final class WebhookSettings {

  /** An http or https URL; checked when loaded. */
  public final String url;
  /** For connecting and, again, for the answer, per attempt. */
  public final Duration timeout;
  /** Attempts after the first one when the receiver is down, times out or answers 408, 429 or 5xx. */
  public final int retries;
  /** Sent with each POST, e.g. {@code Authorization}. */
  public final Map<String, String> headers;

  public WebhookSettings(String url, Duration timeout, int retries, Map<String, String> headers) {
    this.url = url;
    this.timeout = timeout;
    this.retries = retries;
    this.headers = headers;
  }

  /** An absolute http or https URL with a host. */
  static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The URL without its path, query or credentials, for logs: a Slack webhook's path is its secret. */
  public String safeUrl() {
    try {
      URI uri = new URI(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (URISyntaxException e) {
      return "(webhook)";
    }
  }
}
