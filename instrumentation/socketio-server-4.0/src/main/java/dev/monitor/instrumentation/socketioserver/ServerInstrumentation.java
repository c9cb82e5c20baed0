package dev.monitor.instrumentation.socketioserver;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code new SocketIoServer(engineIoServer, …)}: a Socket.IO server now serves inside the
 * servlet container (it has no port of its own). It is known by its engine, whose
 * {@code shutdown()} stops it; the delegating constructor reports it twice, which the agent
 * ignores.
 */
final class ServerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.socket.socketio.server.SocketIoServer");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isConstructor().and(takesArgument(0, named("io.socket.engineio.server.EngineIoServer"))),
        Created.class.getName());
  }

  static final class Created {
    private Created() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(0) Object engine) {
      SocketBridge.socketIoServerStarted(engine, "socket.io-server", null, 0);
    }
  }
}
