package dev.monitor.instrumentation.nettysocketio;

import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * netty-socketio 1.7 to 2.0, and its fork {@code com.socketio4j:netty-socketio-core} 3.x, which
 * keeps the packages: the server's start and stop, the transport handshake and its
 * authorization, namespace connects and disconnects (with why), every event received (its
 * handlers timed, their swallowed exceptions counted) and every event sent to a client.
 */
public final class NettySocketIoModule implements InstrumentationModule {

  @Override
  public String name() {
    return "netty-socketio-1.7";
  }

  @Override
  public List<String> landmarkClassNames() {
    // 1.7 introduced the namespace client in this package; 1.6 and older speak Socket.IO 0.9
    return Collections.singletonList("com.corundumstudio.socketio.transport.NamespaceClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new ServerInstrumentation(),
        new AuthorizeHandlerInstrumentation(),
        new NamespaceInstrumentation(),
        new NamespaceClientInstrumentation(),
        new PacketListenerInstrumentation(),
        new ExceptionListenerInstrumentation());
  }

  @Override
  // an ExceptionListener: implemented directly, or onEventException declared over a base class
  public List<String> classFileMarkers() {
    return Arrays.asList(
        "com/corundumstudio/socketio/listener/ExceptionListener",
        "(Ljava/lang/Exception;Ljava/util/List;Lcom/corundumstudio/socketio/SocketIOClient;)V");
  }

  @Override
  public List<String> classNames() {
    return Arrays.asList(
        "com.corundumstudio.socketio.namespace.Namespace",
        "com.corundumstudio.socketio.SocketIOServer",
        "com.corundumstudio.socketio.handler.PacketListener",
        "com.corundumstudio.socketio.transport.NamespaceClient",
        "com.corundumstudio.socketio.handler.AuthorizeHandler");
  }
}
