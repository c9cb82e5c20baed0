package dev.monitor.bootstrap;

/**
 * Receives what the servlet advice observes. The agent installs the real implementation;
 * until then (and when the agent is off) {@link #NOOP} keeps the advice a few cheap calls.
 *
 * <p>Implementations are called on request threads and must never throw and never block.
 */
public interface HttpServerRecorder {

  /** A request entered the outermost filter or servlet. */
  void requestStarted(String method);

  /**
   * The outermost filter or servlet returned. When {@code asyncContext} is not null the request
   * went asynchronous and completes later; the implementation then watches it and records at
   * completion, reading the final status from {@code response}.
   *
   * @param route the framework's route template (for example Spring MVC's best-matching
   *     pattern) or null when the framework did not name one
   */
  void requestEnded(
      long startNanos,
      long endNanos,
      String method,
      String contextPath,
      String requestUri,
      Object route,
      int status,
      Throwable thrown,
      Object asyncContext,
      Object response);

  HttpServerRecorder NOOP =
      new HttpServerRecorder() {
        @Override
        public void requestStarted(String method) {}

        @Override
        public void requestEnded(
            long startNanos,
            long endNanos,
            String method,
            String contextPath,
            String requestUri,
            Object route,
            int status,
            Throwable thrown,
            Object asyncContext,
            Object response) {}
      };
}
