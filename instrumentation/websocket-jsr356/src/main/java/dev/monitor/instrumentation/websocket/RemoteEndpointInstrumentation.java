package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
 * The containers' {@code RemoteEndpoint.Basic} and {@code RemoteEndpoint.Async}: every
 * {@code sendText}, {@code sendBinary} and {@code sendObject} (also a value an
 * {@code @OnMessage} method returns, which the container sends through them). A partial send
 * ({@code sendText(String, boolean isLast)}) counts at its last part. Streams and writers
 * ({@code getSendStream}, {@code getSendWriter}) are not counted.
 */
final class RemoteEndpointInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> SEND =
      namedOneOf("sendText", "sendBinary", "sendObject").and(not(isAbstract())).and(not(isBridge()));
  private static final ElementMatcher.Junction<MethodDescription> PARTIAL =
      SEND.and(takesArguments(2)).and(takesArgument(1, boolean.class));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(declaresMethod(SEND))
        .and(hasSuperType(Names.either("RemoteEndpoint$Basic").or(Names.either("RemoteEndpoint$Async"))));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(SEND.and(not(PARTIAL)), Send.class.getName());
    target.applyAdvice(PARTIAL, PartialSend.class.getName());
  }

  static final class Send {
    private Send() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter() {
      return SocketBridge.webSocketSendStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean outermost, @Advice.Origin("#m") String method, @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketSent(outermost, method, thrown);
    }
  }

  static final class PartialSend {
    private PartialSend() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter() {
      return SocketBridge.webSocketSendStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter boolean outermost,
        @Advice.Origin("#m") String method,
        @Advice.Argument(1) boolean last,
        @Advice.Thrown Throwable thrown) {
      SocketBridge.webSocketSent(outermost, last ? method : null, thrown);
    }
  }
}
