package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Tomcat's {@code WsFrameBase} (the same package in Tomcat 8.5 to 11, javax and jakarta): where a
 * complete text or binary message is handed to whatever handler the session has, including one
 * written as a lambda, which no other advice can reach. The outermost timing wins, so with a
 * handler class or an annotated method below this is still one message.
 */
final class TomcatFrameInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.tomcat.websocket.WsFrameBase");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("sendMessageText").and(takesArguments(1)).and(takesArgument(0, boolean.class)),
        Dispatch.class.getName());
    target.applyAdvice(
        named("sendMessageBinary").and(takesArguments(2)).and(takesArgument(1, boolean.class)),
        Dispatch.class.getName());
  }

  static final class Dispatch {
    private Dispatch() {}

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
