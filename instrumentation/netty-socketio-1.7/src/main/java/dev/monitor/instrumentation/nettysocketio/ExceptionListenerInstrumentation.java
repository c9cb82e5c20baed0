package dev.monitor.instrumentation.nettysocketio;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code ExceptionListener}'s {@code onEventException}: the one place where a failed event
 * handler shows, since {@code Namespace.onEvent} catches the exception. The interface has
 * several methods, so implementations are classes (never lambdas) and can be transformed.
 */
final class ExceptionListenerInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> ON_EVENT_EXCEPTION =
      named("onEventException").and(takesArguments(3)).and(not(isAbstract()));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(declaresMethod(ON_EVENT_EXCEPTION))
        .and(hasSuperType(named("com.corundumstudio.socketio.listener.ExceptionListener")));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(ON_EVENT_EXCEPTION, EventException.class.getName());
  }

  static final class EventException {
    private EventException() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Throwable error) {
      SocketBridge.socketIoEventFailed(error);
    }
  }
}
