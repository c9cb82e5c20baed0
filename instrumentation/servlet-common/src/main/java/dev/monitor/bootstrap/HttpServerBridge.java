package dev.monitor.bootstrap;

/**
 * Static entry points that the servlet advice (inlined into application classes) calls.
 *
 * <p>A request is timed once, by the outermost filter or servlet on the thread: a thread-local
 * flag marks "inside a timed request", so nested filters, servlets and forwards are skipped. The
 * flag is set only after everything that could fail has run, and cleared first on exit, so a
 * failure inside the agent can never leave a thread believing it is always inside a request.
 */
public final class HttpServerBridge {

  /** Spring MVC stores the matched route template under this request attribute. */
  public static final String SPRING_MVC_PATTERN =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();
  private static volatile HttpServerRecorder recorder = HttpServerRecorder.NOOP;

  private HttpServerBridge() {}

  /** Called once by the agent at start. */
  public static void install(HttpServerRecorder installed) {
    recorder = installed == null ? HttpServerRecorder.NOOP : installed;
  }

  /** True while the current thread is inside a request that is already being timed. */
  public static boolean inRequest() {
    return IN_REQUEST.get() == Boolean.TRUE;
  }

  /** Starts timing; returns the start time, never 0 (0 means "not timed" to the advice). */
  public static long enter(String method) {
    recorder.requestStarted(method);
    IN_REQUEST.set(Boolean.TRUE);
    long now = System.nanoTime();
    return now == 0L ? 1L : now;
  }

  /**
   * Leaves the timed request and returns the end time. The advice calls this before it reads
   * anything from the request, so the flag is cleared even if reading fails.
   */
  public static long leave() {
    IN_REQUEST.set(Boolean.FALSE);
    return System.nanoTime();
  }

  /** Records the request that {@link #enter} started and {@link #leave} ended. */
  public static void exit(
      long startNanos,
      long endNanos,
      String method,
      String contextPath,
      String requestUri,
      Object route,
      int status,
      Throwable thrown,
      Object asyncContext,
      Object response) {
    recorder.requestEnded(
        startNanos, endNanos, method, contextPath, requestUri, route, status, thrown, asyncContext,
        response);
  }
}
