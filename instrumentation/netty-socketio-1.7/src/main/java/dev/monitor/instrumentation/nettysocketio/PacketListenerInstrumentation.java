package dev.monitor.instrumentation.nettysocketio;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import dev.monitor.bootstrap.SocketBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code PacketListener.onPacket}: a client's DISCONNECT packet leads to the namespace's
 * {@code onDisconnect} on this thread, so only that packet marks the thread (every other packet
 * passes with two field reads).
 */
final class PacketListenerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.corundumstudio.socketio.handler.PacketListener");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("onPacket").and(takesArguments(3)), OnPacket.class.getName());
  }

  static final class OnPacket {
    private OnPacket() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) Packet packet) {
      if (packet.getType() == PacketType.MESSAGE && packet.getSubType() == PacketType.DISCONNECT) {
        SocketBridge.mark(SocketBridge.CLIENT_DISCONNECT);
        return true;
      }
      return false;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean marked) {
      if (marked) {
        SocketBridge.unmark(null);
      }
    }
  }
}
