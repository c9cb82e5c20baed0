package dev.monitor.agent.sockets;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Reads the JSR-356 objects the advice hands over as {@code Object} (the agent sees neither
 * {@code javax.websocket} nor {@code jakarta.websocket}): an endpoint's path template, a close
 * reason's code, a message's type. Methods are looked up once per class and cached; they run
 * when a session opens or closes, never per message (a message's type is {@code instanceof}
 * checks only).
 */
final class WebSocketApi {

  private static final ClassValue<Method> GET_PATH = getter("getPath");
  private static final ClassValue<Method> GET_CLOSE_CODE = getter("getCloseCode");
  private static final ClassValue<Method> GET_CODE = getter("getCode");
  private static final ClassValue<String> ANNOTATED_PATH =
      new ClassValue<String>() {
        @Override
        protected String computeValue(Class<?> type) {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
              String name = a.annotationType().getName();
              if (name.equals("javax.websocket.server.ServerEndpoint")
                  || name.equals("jakarta.websocket.server.ServerEndpoint")) {
                try {
                  return String.valueOf(a.annotationType().getMethod("value").invoke(a));
                } catch (ReflectiveOperationException | RuntimeException e) {
                  return null;
                }
              }
            }
          }
          return null;
        }
      };
  private static final ClassValue<Boolean> IS_PONG =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
              if (i.getName().endsWith("websocket.PongMessage")) {
                return Boolean.TRUE;
              }
            }
          }
          return Boolean.FALSE;
        }
      };

  private WebSocketApi() {}

  /**
   * The first argument whose class is, extends or implements a type whose name ends with
   * {@code suffix} ({@code websocket.Session} matches javax and jakarta alike), or null.
   */
  static Object find(Object[] arguments, String suffix) {
    if (arguments == null) {
      return null;
    }
    for (Object argument : arguments) {
      if (argument != null && isA(argument.getClass(), suffix)) {
        return argument;
      }
    }
    return null;
  }

  static Throwable throwable(Object[] arguments) {
    if (arguments != null) {
      for (Object argument : arguments) {
        if (argument instanceof Throwable) {
          return (Throwable) argument;
        }
      }
    }
    return null;
  }

  private static boolean isA(Class<?> type, String suffix) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().endsWith(suffix)) {
        return true;
      }
      for (Class<?> i : c.getInterfaces()) {
        if (isA(i, suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The path template of a {@code ServerEndpointConfig}, or null. */
  static String configPath(Object config) {
    Object path = call(GET_PATH, config);
    return path instanceof String ? (String) path : null;
  }

  /** The {@code value()} of the {@code @ServerEndpoint} on the endpoint's class, or null. */
  static String annotatedPath(Object endpoint) {
    return endpoint == null ? null : ANNOTATED_PATH.get(endpoint.getClass());
  }

  /** The code of a {@code CloseReason}, or -1. */
  static int closeCode(Object closeReason) {
    Object code = call(GET_CODE, call(GET_CLOSE_CODE, closeReason));
    return code instanceof Integer ? (Integer) code : -1;
  }

  static String messageType(Object message) {
    if (message instanceof String || message instanceof Reader || message instanceof CharSequence) {
      return "text";
    }
    if (message instanceof ByteBuffer || message instanceof byte[] || message instanceof InputStream) {
      return "binary";
    }
    if (message != null && IS_PONG.get(message.getClass())) {
      return "pong";
    }
    return "object"; // a decoded message: the decoder's input type is not known here
  }

  private static Object call(ClassValue<Method> method, Object target) {
    if (target == null) {
      return null;
    }
    Method m = method.get(target.getClass());
    if (m == null) {
      return null;
    }
    try {
      return m.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static ClassValue<Method> getter(String name) {
    return new ClassValue<Method>() {
      @Override
      protected Method computeValue(Class<?> type) {
        // through the public interface: the container's class itself may not be accessible
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
          for (Class<?> i : c.getInterfaces()) {
            Method m = publicMethod(i, name);
            if (m != null) {
              return m;
            }
          }
        }
        return publicMethod(type, name);
      }
    };
  }

  private static Method publicMethod(Class<?> type, String name) {
    if (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
      return null; // a public method of a non-public class cannot be invoked from here
    }
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }
}
