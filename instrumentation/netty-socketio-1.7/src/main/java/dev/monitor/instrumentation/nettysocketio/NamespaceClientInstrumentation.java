package dev.monitor.instrumentation.nettysocketio;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code NamespaceClient}: {@code send(Packet)} is where every packet to one client passes,
 * whether the application called {@code client.sendEvent} or a room or namespace broadcast
 * (which sends to each member), so an event is counted once per client it goes to.
 * {@code disconnect()} is the application disconnecting a client: 1.7 leaves the namespace at
 * once, 2.0 when the client has answered, so the agent remembers the request on the client.
 */
final class NamespaceClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.corundumstudio.socketio.transport.NamespaceClient");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("send").and(takesArguments(1)).and(takesArgument(0, named("com.corundumstudio.socketio.protocol.Packet"))),
        Send.class.getName());
    target.applyAdvice(named("disconnect").and(takesArguments(0)), Disconnect.class.getName());
  }

  static final class Send {
    private Send() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This NamespaceClient client, @Advice.Argument(0) Packet packet) {
      PacketType type = packet.getSubType();
      if (type == PacketType.EVENT || type == PacketType.BINARY_EVENT) {
        SocketBridge.socketIoEventSent(client.getNamespace().getName(), packet.getName());
      }
    }
  }

  static final class Disconnect {
    private Disconnect() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This NamespaceClient client) {
      SocketBridge.socketIoDisconnectRequested(client.getSessionId(), client.getNamespace().getName());
    }
  }
}
