package dev.monitor.instrumentation.socketioserver;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code EngineIoServerOptions.setHandshakeInterceptor}: the application's authorization of new
 * sessions, usually a lambda (whose class cannot be transformed), so the agent hands the options
 * a wrapper that counts each refusal and otherwise answers exactly as the interceptor does.
 */
final class EngineOptionsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.socket.engineio.server.EngineIoServerOptions");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("setHandshakeInterceptor").and(takesArguments(1)), SetInterceptor.class.getName());
  }

  static final class SetInterceptor {
    private SetInterceptor() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
        @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object interceptor) {
      interceptor = SocketBridge.socketIoWrapInterceptor(interceptor);
    }
  }
}
