package dev.monitor.agent.http;

import dev.monitor.agent.log.AgentLog;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Watches a request that went asynchronous and records it when it completes. The listener is a
 * {@link Proxy} of the container's own {@code AsyncListener} interface (javax or jakarta), so no
 * class has to be injected into the application's class loader. The reflective look-ups are
 * made once per container class; the cost (one proxy and a few reflective calls) is paid only by
 * asynchronous requests. Each instance handles one request; callbacks may come on any thread.
 */
final class AsyncCompletion implements InvocationHandler {

  private static final ClassValue<AsyncApi> APIS =
      new ClassValue<AsyncApi>() {
        @Override
        protected AsyncApi computeValue(Class<?> type) {
          return AsyncApi.find(type);
        }
      };

  private final HttpServerMetrics metrics;
  private final AsyncApi api;
  private final Object response;
  private final long startNanos;
  private final String method;
  private final String contextPath;
  private final String requestUri;
  private final Object route;
  private volatile Throwable error;
  private volatile boolean recorded;
  private Object self;

  private AsyncCompletion(
      HttpServerMetrics metrics,
      AsyncApi api,
      Object response,
      long startNanos,
      String method,
      String contextPath,
      String requestUri,
      Object route) {
    this.metrics = metrics;
    this.api = api;
    this.response = response;
    this.startNanos = startNanos;
    this.method = method;
    this.contextPath = contextPath;
    this.requestUri = requestUri;
    this.route = route;
  }

  /** Registers a listener; false if that failed and the caller should record the request now. */
  static boolean watch(
      HttpServerMetrics metrics,
      Object asyncContext,
      Object response,
      long startNanos,
      String method,
      String contextPath,
      String requestUri,
      Object route) {
    AsyncApi api = APIS.get(asyncContext.getClass());
    if (api == null) {
      return false;
    }
    AsyncCompletion handler =
        new AsyncCompletion(
            metrics, api, response, startNanos, method, contextPath, requestUri, route);
    try {
      Object listener =
          Proxy.newProxyInstance(
              api.listenerType.getClassLoader(), new Class<?>[] {api.listenerType}, handler);
      handler.self = listener;
      api.addListener.invoke(asyncContext, listener);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Typically IllegalStateException: the request completed before we could listen.
      AgentLog.debug("cannot watch an asynchronous request, recording it now: " + e);
      return false;
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "onComplete":
        complete();
        return null;
      case "onError":
        error = throwableOf(args[0]);
        return null;
      case "onStartAsync":
        relisten(args[0]);
        return null;
      case "onTimeout":
        return null;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "monitor async request listener";
      default:
        return null;
    }
  }

  private void complete() {
    if (recorded) {
      return;
    }
    recorded = true;
    long end = System.nanoTime();
    int status = 500;
    try {
      status = (Integer) api.getStatus.invoke(response);
    } catch (ReflectiveOperationException | RuntimeException e) {
      AgentLog.debug("cannot read the status of an asynchronous response: " + e);
    }
    metrics.record(startNanos, end, method, contextPath, requestUri, route, status, error);
  }

  private Throwable throwableOf(Object event) {
    try {
      return (Throwable) api.eventThrowable.invoke(event);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A new startAsync clears the listeners; the container calls onStartAsync so we can stay. */
  private void relisten(Object event) {
    try {
      api.addListener.invoke(api.eventAsyncContext.invoke(event), self);
    } catch (ReflectiveOperationException | RuntimeException e) {
      AgentLog.debug("cannot keep watching a restarted asynchronous request: " + e);
    }
  }

  /** The reflective handles of one servlet namespace, found from a container's AsyncContext class. */
  private static final class AsyncApi {
    final Class<?> listenerType;
    final Method addListener;
    final Method eventThrowable;
    final Method eventAsyncContext;
    final Method getStatus;

    private AsyncApi(
        Class<?> listenerType,
        Method addListener,
        Method eventThrowable,
        Method eventAsyncContext,
        Method getStatus) {
      this.listenerType = listenerType;
      this.addListener = addListener;
      this.eventThrowable = eventThrowable;
      this.eventAsyncContext = eventAsyncContext;
      this.getStatus = getStatus;
    }

    static AsyncApi find(Class<?> type) {
      Class<?> contextType = findInterface(type);
      if (contextType == null) {
        AgentLog.warnOnce(
            "async-api " + type.getName(),
            type.getName() + " implements no servlet AsyncContext; its requests are recorded when the servlet returns",
            null);
        return null;
      }
      String namespace = contextType.getPackage().getName();
      ClassLoader loader = contextType.getClassLoader();
      try {
        Class<?> listener = Class.forName(namespace + ".AsyncListener", false, loader);
        Class<?> event = Class.forName(namespace + ".AsyncEvent", false, loader);
        Class<?> response = Class.forName(namespace + ".http.HttpServletResponse", false, loader);
        return new AsyncApi(
            listener,
            contextType.getMethod("addListener", listener),
            event.getMethod("getThrowable"),
            event.getMethod("getAsyncContext"),
            response.getMethod("getStatus"));
      } catch (ReflectiveOperationException | LinkageError e) {
        AgentLog.warnOnce("async-api " + namespace, "cannot watch asynchronous requests of " + namespace, e);
        return null;
      }
    }

    private static Class<?> findInterface(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Class<?> i : c.getInterfaces()) {
          if (i.getName().equals("javax.servlet.AsyncContext")
              || i.getName().equals("jakarta.servlet.AsyncContext")) {
            return i;
          }
        }
      }
      return null;
    }
  }
}
