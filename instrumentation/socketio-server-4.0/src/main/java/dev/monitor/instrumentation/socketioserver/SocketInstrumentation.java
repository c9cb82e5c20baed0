package dev.monitor.instrumentation.socketioserver;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.json.JSONArray;

/**
 * {@code SocketIoSocket}, one client in one namespace: {@code onConnect()} (joined),
 * {@code onClose(reason)} (left, and the library says why: client or server namespace
 * disconnect, transport close, ping timeout…), {@code onEvent(packet)} (the handlers run inside,
 * so it is timed; the library swallows a handler's exception without trace, so errors cannot be
 * told) and {@code sendPacket(packet)}, which every event to this client passes, broadcasts
 * included. An event's name is the first element of the packet's data.
 */
final class SocketInstrumentation implements TypeInstrumentation {

  private static final String PACKET = "io.socket.socketio.server.parser.Packet";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.socket.socketio.server.SocketIoSocket");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("onConnect").and(takesArguments(0)), Connect.class.getName());
    target.applyAdvice(named("onClose").and(takesArguments(1)).and(takesArgument(0, String.class)), Close.class.getName());
    target.applyAdvice(named("onEvent").and(takesArguments(1)).and(takesArgument(0, named(PACKET))), Event.class.getName());
    target.applyAdvice(named("sendPacket").and(takesArguments(1)).and(takesArgument(0, named(PACKET))), Send.class.getName());
  }


  static final class Connect {
    private Connect() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This SocketIoSocket socket) {
      SocketBridge.socketIoConnected(socket.getId(), socket.getNamespace().getName());
    }
  }

  static final class Close {
    private Close() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This SocketIoSocket socket, @Advice.Argument(0) String reason) {
      String previous = SocketBridge.mark(reason);
      SocketBridge.socketIoDisconnected(socket.getId(), socket.getNamespace().getName());
      SocketBridge.unmark(previous);
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
        @Advice.This SocketIoSocket socket,
        @Advice.Argument(0) Packet<?> packet,
        @Advice.Thrown Throwable thrown) {
      Object data = packet.data;
      SocketBridge.socketIoEventHandled(
          socket.getNamespace().getName(),
          data instanceof JSONArray ? ((JSONArray) data).optString(0, null) : null,
          start,
          thrown);
    }
  }

  static final class Send {
    private Send() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This SocketIoSocket socket, @Advice.Argument(0) Packet<?> packet) {
      // 2 = EVENT, 5 = BINARY_EVENT (io.socket.socketio.server.parser.Parser)
      if (packet.type == 2 || packet.type == 5) {
        Object data = packet.data;
        SocketBridge.socketIoEventSent(
            socket.getNamespace().getName(), data instanceof JSONArray ? ((JSONArray) data).optString(0, null) : null);
      }
    }
  }
}
