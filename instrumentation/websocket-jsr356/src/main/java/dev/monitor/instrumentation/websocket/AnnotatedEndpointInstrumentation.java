package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code @ServerEndpoint} classes: their {@code @OnOpen}, {@code @OnClose} and {@code @OnError}
 * methods (for containers that call them directly rather than through an {@code Endpoint}
 * wrapper, such as Jetty 9.4) and their {@code @OnMessage} methods, timed. Parameters come in any
 * order, so open, close and error hand all of them over (an array per session event, never per
 * message); a message method's type is decided here from its parameter types.
 */
final class AnnotatedEndpointInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> ON_MESSAGE = isAnnotatedWith(Names.either("OnMessage"));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return isAnnotatedWith(Names.either("server.ServerEndpoint"));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isAnnotatedWith(Names.either("OnOpen")), Open.class.getName());
    target.applyAdvice(isAnnotatedWith(Names.either("OnClose")), Close.class.getName());
    target.applyAdvice(isAnnotatedWith(Names.either("OnError")), Failure.class.getName());
    ElementMatcher.Junction<MethodDescription> text = takesAny("java.lang.String", "java.io.Reader");
    ElementMatcher.Junction<MethodDescription> binary = takesAny("java.nio.ByteBuffer", "byte[]", "java.io.InputStream");
    ElementMatcher.Junction<MethodDescription> pong = takesAny("javax.websocket.PongMessage", "jakarta.websocket.PongMessage");
    target.applyAdvice(ON_MESSAGE.and(text), TextMessage.class.getName());
    target.applyAdvice(ON_MESSAGE.and(not(text)).and(binary), BinaryMessage.class.getName());
    target.applyAdvice(ON_MESSAGE.and(pong), PongMessage.class.getName());
    target.applyAdvice(ON_MESSAGE.and(not(text)).and(not(binary)).and(not(pong)), ObjectMessage.class.getName());
  }

  /** A method with a parameter of one of these types. */
  private static ElementMatcher.Junction<MethodDescription> takesAny(String... typeNames) {
    return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
      @Override
      public boolean matches(MethodDescription method) {
        for (TypeDefinition type : method.getParameters().asTypeList()) {
          String name = type.asErasure().getName();
          for (String wanted : typeNames) {
            if (name.equals(wanted) || ("[B".equals(name) && "byte[]".equals(wanted))) {
              return true;
            }
          }
        }
        return false;
      }
    };
  }

  static final class Open {
    private Open() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object endpoint, @Advice.AllArguments Object[] arguments) {
      SocketBridge.webSocketAnnotated("OnOpen", endpoint, arguments);
    }
  }

  static final class Close {
    private Close() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object endpoint, @Advice.AllArguments Object[] arguments) {
      SocketBridge.webSocketAnnotated("OnClose", endpoint, arguments);
    }
  }

  static final class Failure {
    private Failure() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object endpoint, @Advice.AllArguments Object[] arguments) {
      SocketBridge.webSocketAnnotated("OnError", endpoint, arguments);
    }
  }

  static final class TextMessage {
    private TextMessage() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.webSocketMessageStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketMessageHandled(start, "text", thrown);
    }
  }

  static final class BinaryMessage {
    private BinaryMessage() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.webSocketMessageStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketMessageHandled(start, "binary", thrown);
    }
  }

  static final class PongMessage {
    private PongMessage() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.webSocketMessageStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketMessageHandled(start, "pong", thrown);
    }
  }

  static final class ObjectMessage {
    private ObjectMessage() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.webSocketMessageStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketMessageHandled(start, "object", thrown);
    }
  }
}
