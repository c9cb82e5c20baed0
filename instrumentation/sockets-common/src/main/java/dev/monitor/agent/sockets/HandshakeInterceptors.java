package dev.monitor.agent.sockets;

import dev.monitor.agent.log.AgentLog;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps engine.io-server's {@code HandshakeInterceptor} (the application's authorization of a
 * new session) in a proxy of the same interface that answers exactly as the interceptor does and
 * counts a refusal as a failed handshake ({@code unauthorized}), or an exception as one with its
 * class. A handshake costs one reflective call, a new session being far rarer than a message.
 */
final class HandshakeInterceptors {

  private HandshakeInterceptors() {}

  static Object wrap(Object interceptor, SocketIoMetrics metrics) {
    if (interceptor == null || Proxy.isProxyClass(interceptor.getClass())) {
      return interceptor;
    }
    try {
      Class<?>[] interfaces = interceptor.getClass().getInterfaces();
      Class<?> type = null;
      for (Class<?> i : interfaces) {
        if (i.getName().endsWith("EngineIoServer$HandshakeInterceptor")) {
          type = i;
        }
      }
      if (type == null) {
        return interceptor;
      }
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Counting(interceptor, metrics));
    } catch (RuntimeException e) {
      AgentLog.warnOnce("socketio interceptor", "cannot watch the handshake interceptor; refused handshakes are not counted", e);
      return interceptor;
    }
  }

  /** Delegates every call; records the outcome of {@code intercept}. */
  private static final class Counting implements InvocationHandler {
    private final Object delegate;
    private final SocketIoMetrics metrics;

    Counting(Object delegate, SocketIoMetrics metrics) {
      this.delegate = delegate;
      this.metrics = metrics;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        if (method.getName().equals("equals")) {
          return proxy == args[0];
        }
        if (method.getName().equals("hashCode")) {
          return System.identityHashCode(proxy);
        }
        return method.invoke(delegate, args);
      }
      Object answer;
      try {
        answer = method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        if ("intercept".equals(method.getName())) {
          metrics.handshake(false, e.getCause());
        }
        throw e.getCause();
      }
      if ("intercept".equals(method.getName()) && Boolean.FALSE.equals(answer)) {
        metrics.handshake(false, null);
      }
      return answer;
    }
  }
}
