package dev.monitor.instrumentation.nettysocketio;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AuthorizeHandler.authorize(...)}: called once per new session (a request without a
 * {@code sid}), it runs the application's {@code AuthorizationListener} and answers 401 when it
 * refuses. It also refuses an unknown transport (2.0 only, through
 * {@code writeAndFlushTransportError}), which marks the thread so the failure says why.
 */
final class AuthorizeHandlerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.corundumstudio.socketio.handler.AuthorizeHandler");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("authorize").and(takesArguments(5)).and(returns(boolean.class)), Authorize.class.getName());
    target.applyAdvice(named("writeAndFlushTransportError"), TransportError.class.getName());
  }

  static final class Authorize {
    private Authorize() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
      SocketBridge.mark(null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Return boolean accepted, @Advice.Thrown Throwable thrown) {
      SocketBridge.socketIoHandshake(accepted && thrown == null, thrown);
    }
  }

  static final class TransportError {
    private TransportError() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
      SocketBridge.mark(SocketBridge.BAD_TRANSPORT);
    }
  }
}
