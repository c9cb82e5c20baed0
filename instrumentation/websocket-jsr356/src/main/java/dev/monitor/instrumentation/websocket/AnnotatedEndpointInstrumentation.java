package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code @ServerEndpoint} classes: their {@code @OnOpen}, {@code @OnClose} and {@code @OnError}
 * methods (for containers that call them directly rather than through an {@code Endpoint}
 * wrapper, such as Jetty 9.4) and their {@code @OnMessage} methods, timed. Parameters come in any
 * order, so open, close and error hand all of them over (an array per session event, never per
 * message); a message method hands over its name and descriptor (a constant), from which the
 * agent reads the message type once.
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
    target.applyAdvice(ON_MESSAGE, OnMessage.class.getName());
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

  static final class OnMessage {
    private OnMessage() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.webSocketMessageStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Origin("#m#d") String method, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketMessageHandled(start, start == 0L ? null : SocketBridge.webSocketMethodMessageType(method), thrown);
    }
  }
}
