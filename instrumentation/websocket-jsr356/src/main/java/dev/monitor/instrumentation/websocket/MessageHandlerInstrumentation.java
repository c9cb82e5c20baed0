package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Classes implementing {@code MessageHandler.Whole} or {@code MessageHandler.Partial}: the
 * application's handlers (when they are classes, not lambdas) and the containers' handlers that
 * call an annotated {@code @OnMessage} method. Bridge methods are skipped, so a handler's
 * {@code onMessage} is timed once; a container's handler and the method it calls are one message
 * (the agent times only the outermost). A partial handler counts each part.
 */
final class MessageHandlerInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> ON_MESSAGE =
      named("onMessage")
          .and(not(isAbstract()))
          .and(not(isBridge()))
          .and(takesArguments(1).or(takesArguments(2).and(takesArgument(1, boolean.class))));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(declaresMethod(ON_MESSAGE))
        .and(hasSuperType(Names.either("MessageHandler$Whole").or(Names.either("MessageHandler$Partial"))));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(ON_MESSAGE, OnMessage.class.getName());
  }

  static final class OnMessage {
    private OnMessage() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.webSocketMessageStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Argument(0) Object message, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketMessageHandled(start, start == 0L ? null : SocketBridge.webSocketMessageType(message), thrown);
    }
  }
}
