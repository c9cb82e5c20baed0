package dev.monitor.instrumentation.nettysocketio;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.namespace.Namespace;
import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code Namespace}: where a client joins and leaves a namespace and where an event's handlers
 * run. {@code onEvent} catches a handler's exception and hands it to the
 * {@code ExceptionListener} ({@link ExceptionListenerInstrumentation} reports it), so the time
 * here is all of the event's handlers. 2.0 reports a join twice, with two client objects (the
 * default namespace at the handshake, then again at the client's CONNECT, where it returns
 * early), so clients are reported by session id and the agent counts each once.
 */
final class NamespaceInstrumentation implements TypeInstrumentation {

  private static final String CLIENT = "com.corundumstudio.socketio.SocketIOClient";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.corundumstudio.socketio.namespace.Namespace");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("onConnect").and(takesArguments(1)).and(takesArgument(0, named(CLIENT))),
        Connect.class.getName());
    target.applyAdvice(
        named("onDisconnect").and(takesArguments(1)).and(takesArgument(0, named(CLIENT))),
        Disconnect.class.getName());
    target.applyAdvice(
        named("onEvent").and(takesArguments(4)).and(takesArgument(1, String.class)),
        Event.class.getName());
    // 2.0: a namespace's AuthTokenListener refusing a client's CONNECT
    target.applyAdvice(named("onAuthData").and(takesArguments(2)), AuthData.class.getName());
  }

  static final class Connect {
    private Connect() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Namespace namespace, @Advice.Argument(0) SocketIOClient client) {
      SocketBridge.socketIoConnected(client.getSessionId(), namespace.getName());
    }
  }

  static final class Disconnect {
    private Disconnect() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Namespace namespace, @Advice.Argument(0) SocketIOClient client) {
      SocketBridge.socketIoDisconnected(client.getSessionId(), namespace.getName());
    }
  }

  static final class Event {
    private Event() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return SocketBridge.socketIoEventStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter long start,
        @Advice.This Namespace namespace,
        @Advice.Argument(1) String event,
        @Advice.Thrown Throwable thrown) {
      SocketBridge.socketIoEventHandled(namespace.getName(), event, start, thrown);
    }
  }

  static final class AuthData {
    private AuthData() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Namespace namespace, @Advice.Return AuthTokenResult result) {
      if (result != null && !result.isSuccess()) {
        SocketBridge.socketIoRejected(namespace.getName(), "auth_token");
      }
    }
  }
}
