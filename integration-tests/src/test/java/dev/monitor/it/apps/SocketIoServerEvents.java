package dev.monitor.it.apps;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The socket.io-server application both containers run: a handshake interceptor that refuses
 * {@code token=bad}; events {@code message} (replies and acks), {@code boom} (throws),
 * {@code slow} (sleeps 50 ms, acks); and the control operations {@code /port},
 * {@code /broadcast?event=}, {@code /kick}, {@code /stop}.
 */
final class SocketIoServerEvents {

  final EngineIoServer engine;
  private final SocketIoNamespace namespace;
  private final Set<SocketIoSocket> sockets = ConcurrentHashMap.newKeySet();

  SocketIoServerEvents() {
    EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
    options.setHandshakeInterceptor((query, headers) -> !"bad".equals(query.get("token")));
    engine = new EngineIoServer(options);
    namespace = new SocketIoServer(engine).namespace("/");
    namespace.on("connection", connection -> {
      SocketIoSocket socket = (SocketIoSocket) connection[0];
      sockets.add(socket);
      socket.on("disconnect", a -> sockets.remove(socket));
      socket.on("message", a -> {
        socket.send("reply", "re:" + a[0]);
        ack(a);
      });
      socket.on("boom", a -> {
        throw new IllegalStateException("handler failed on purpose");
      });
      socket.on("slow", a -> {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ack(a);
      });
    });
  }

  void startControl(int port) throws java.io.IOException {
    ControlServer.start((op, query) -> control(op, query, port));
    System.out.println(
        "SOCKETIO PORT " + port + " library " + SocketIoServer.class.getProtectionDomain().getCodeSource().getLocation());
  }

  private String control(String op, Map<String, String> query, int port) {
    switch (op) {
      case "port":
        return Integer.toString(port);
      case "broadcast":
        namespace.broadcast(null, query.getOrDefault("event", "news"), "hello");
        return "ok";
      case "kick":
        int n = 0;
        for (SocketIoSocket socket : sockets) {
          socket.disconnect(false);
          n++;
        }
        return "kicked " + n;
      case "stop":
        engine.shutdown();
        return "stopped";
      default:
        return "unknown op " + op;
    }
  }

  /** Answers the client's acknowledgement callback, the last argument when it asked for one. */
  private static void ack(Object[] args) {
    if (args.length > 0 && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback) {
      ((SocketIoSocket.ReceivedByLocalAcknowledgementCallback) args[args.length - 1]).sendAcknowledgement("ok");
    }
  }
}
