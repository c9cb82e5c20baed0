package dev.monitor.instrumentation.socketioserver;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code EngineIoServer}: {@code handshakePolling} and {@code handshakeWebSocket} run once per
 * accepted new session (a refused one never gets there; the interceptor's wrapper counts it),
 * and {@code shutdown()} stops the server.
 */
final class EngineServerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.socket.engineio.server.EngineIoServer");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(namedOneOf("handshakePolling", "handshakeWebSocket"), Handshake.class.getName());
    target.applyAdvice(named("shutdown").and(takesArguments(0)), Shutdown.class.getName());
  }

  static final class Handshake {
    private Handshake() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Thrown Throwable thrown) {
      SocketBridge.socketIoHandshake(thrown == null, thrown);
    }
  }

  static final class Shutdown {
    private Shutdown() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object server) {
      SocketBridge.socketIoServerStopped(server);
    }
  }
}
