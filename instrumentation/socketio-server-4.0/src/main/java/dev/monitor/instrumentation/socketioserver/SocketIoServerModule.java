package dev.monitor.instrumentation.socketioserver;

import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code io.socket:socket.io-server} 4.x on {@code engine.io-server} 6.x, the Socket.IO server
 * that runs inside a servlet container: handshakes (and those the application's handshake
 * interceptor refuses), namespace connects and disconnects with the library's own reason, every
 * event received (timed) and sent. Same instruments as netty-socketio.
 */
public final class SocketIoServerModule implements InstrumentationModule {

  @Override
  public String name() {
    return "socketio-server-4.0";
  }

  @Override
  public List<String> landmarkClassNames() {
    // 4.0 is the first with the v4 protocol's namespace-level CONNECT packets handled here
    return Collections.singletonList("io.socket.socketio.server.SocketIoSocket");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new SocketInstrumentation(), new EngineServerInstrumentation(), new EngineOptionsInstrumentation(),
        new ServerInstrumentation());
  }

  @Override
  public List<String> classNames() {
    return Arrays.asList(
        "io.socket.socketio.server.SocketIoSocket",
        "io.socket.socketio.server.SocketIoServer",
        "io.socket.engineio.server.EngineIoServerOptions",
        "io.socket.engineio.server.EngineIoServer");
  }
}
