package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
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
 * Subclasses of {@code Endpoint}: the application's programmatic endpoints, Spring's adapter and
 * the containers' wrappers of annotated endpoints (Tomcat's). Open and close are reported on
 * entry, so a wrapper's report (with the endpoint config and close reason in hand) comes before
 * the annotated method's inside it; the agent keeps the first.
 */
final class EndpointInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> ON_OPEN =
      method("onOpen").and(takesArgument(1, Names.either("EndpointConfig")));
  private static final ElementMatcher.Junction<MethodDescription> ON_CLOSE =
      method("onClose").and(takesArgument(1, Names.either("CloseReason")));
  private static final ElementMatcher.Junction<MethodDescription> ON_ERROR =
      method("onError").and(takesArgument(1, Throwable.class));

  private static ElementMatcher.Junction<MethodDescription> method(String name) {
    return named(name).and(not(isAbstract())).and(takesArguments(2)).and(takesArgument(0, Names.either("Session")));
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return declaresMethod(ON_OPEN.or(ON_CLOSE).or(ON_ERROR)).and(hasSuperType(Names.either("Endpoint")));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(ON_OPEN, Open.class.getName());
    target.applyAdvice(ON_CLOSE, Close.class.getName());
    target.applyAdvice(ON_ERROR, Failure.class.getName());
  }

  static final class Open {
    private Open() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object endpoint, @Advice.Argument(0) Object session, @Advice.Argument(1) Object config) {
      SocketBridge.webSocketOpened(endpoint, session, config);
    }
  }

  static final class Close {
    private Close() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object session, @Advice.Argument(1) Object reason) {
      SocketBridge.webSocketClosed(session, reason);
    }
  }

  static final class Failure {
    private Failure() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object session, @Advice.Argument(1) Throwable error) {
      SocketBridge.webSocketError(session, error);
    }
  }
}
