package dev.monitor.instrumentation.servlet.jakarta.v5_0;

import dev.monitor.bootstrap.HttpServerBridge;
import dev.monitor.bootstrap.SocketBridge;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Servlet.service} and {@code Filter.doFilter}. Only the outermost call of
 * an original (REQUEST) dispatch is timed; error and async re-dispatches belong to a request
 * that is already counted. Reading the request happens here because only inlined code can call
 * the servlet API without reflection; everything else is in the agent.
 */
public final class ServletRequestAdvice {

  private ServletRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter(@Advice.Argument(0) ServletRequest request) {
    if (!(request instanceof HttpServletRequest)
        || HttpServerBridge.inRequest()
        || request.getDispatcherType() != DispatcherType.REQUEST) {
      return 0L;
    }
    return HttpServerBridge.enter(((HttpServletRequest) request).getMethod());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Thrown Throwable thrown) {
    if (start == 0L) {
      return;
    }
    long end = HttpServerBridge.leave();
    HttpServletRequest http = (HttpServletRequest) request;
    int status = ((HttpServletResponse) response).getStatus();
    // a WebSocket upgrade refused (403 origin, 404 no endpoint, 401 by a filter…); headers are
    // read only on an error answer, never on the normal path
    if (status >= 400 && "websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
      SocketBridge.webSocketUpgradeFailed(status);
    }
    HttpServerBridge.exit(
        start,
        end,
        http.getMethod(),
        http.getContextPath(),
        http.getRequestURI(),
        http.getAttribute(HttpServerBridge.SPRING_MVC_PATTERN),
        status,
        thrown,
        thrown == null && http.isAsyncStarted() ? http.getAsyncContext() : null,
        response);
  }
}
