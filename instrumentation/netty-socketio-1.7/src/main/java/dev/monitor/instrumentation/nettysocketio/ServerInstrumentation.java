package dev.monitor.instrumentation.nettysocketio;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code SocketIOServer.start()} / {@code startAsync()} and {@code stop()}: the server the
 * health check reports. 2.0's {@code start()} calls {@code startAsync()}; the agent keeps one
 * entry per server object, so the second report changes nothing.
 */
final class ServerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.corundumstudio.socketio.SocketIOServer");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(namedOneOf("start", "startAsync").and(takesArguments(0)), Started.class.getName());
    target.applyAdvice(named("stop").and(takesArguments(0)), Stopped.class.getName());
  }

  static final class Started {
    private Started() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This SocketIOServer server) {
      Configuration config = server.getConfiguration();
      SocketBridge.socketIoServerStarted(server, "netty-socketio", config.getHostname(), config.getPort());
    }
  }

  static final class Stopped {
    private Stopped() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object server) {
      SocketBridge.socketIoServerStopped(server);
    }
  }
}
