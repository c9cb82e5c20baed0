package dev.monitor.agent.http;

import dev.monitor.agent.metrics.LatencySummary;

/**
 * Requests by outcome over a set of {@code http.server.request.duration} series: the one place
 * that says what counts as a server error (5xx, or an exception), a client error (other 4xx) and
 * a rate-limit rejection (429). {@code /metrics.json} and the alert rules both count with it. Not
 * thread-safe: one per reading.
 */
final class RequestTally {

  long requests;
  long errors;
  long clientErrors;
  long rateLimited;
  long recentRequests;
  long recentErrors;

  void add(LatencySummary s) {
    int status = HttpServerMetrics.statusOf(s);
    requests += s.count;
    recentRequests += s.recentCount;
    if (HttpServerMetrics.isServerError(s)) {
      errors += s.count;
      recentErrors += s.recentCount;
    } else if (status >= 400) {
      clientErrors += s.count;
    }
    if (status == 429) {
      rateLimited += s.count;
    }
  }

  static RequestTally of(Iterable<LatencySummary> series) {
    RequestTally tally = new RequestTally();
    for (LatencySummary s : series) {
      tally.add(s);
    }
    return tally;
  }
}
