package dev.monitor.it.apps;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.JettyWebSocketHandler;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeFilter;

/**
 * {@code io.socket:socket.io-server} on Jetty 9.4 (under the agent), polling through a servlet
 * and WebSocket through engine.io-server-jetty, with the same events as {@link SocketIoApp}: a
 * handshake interceptor refuses {@code token=bad}; {@code message} replies and acks,
 * {@code boom} throws, {@code slow} sleeps 50 ms and acks. Control: {@code /port},
 * {@code /broadcast?event=}, {@code /kick}, {@code /stop}.
 */
public final class SocketIoServerJettyApp {

  private SocketIoServerJettyApp() {}

  public static void main(String[] args) throws Exception {
    EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
    options.setHandshakeInterceptor((query, headers) -> !"bad".equals(query.get("token")));
    EngineIoServer engine = new EngineIoServer(options);
    SocketIoServer socketIo = new SocketIoServer(engine);
    SocketIoNamespace namespace = socketIo.namespace("/");
    Set<SocketIoSocket> sockets = ConcurrentHashMap.newKeySet();
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

    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    ServletHolder polling = new ServletHolder(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        engine.handleRequest(request, response);
      }
    });
    polling.setAsyncSupported(true);
    context.addServlet(polling, "/socket.io/*");
    WebSocketUpgradeFilter.configureContext(context)
        .addMapping(new ServletPathSpec("/socket.io/*"), (request, response) -> new JettyWebSocketHandler(engine));
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    ControlServer.start(
        (op, query) -> {
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
        });
    System.out.println(
        "SOCKETIO PORT " + port + " library " + SocketIoServer.class.getProtectionDomain().getCodeSource().getLocation());
  }

  /** Answers the client's acknowledgement callback, the last argument when it asked for one. */
  private static void ack(Object[] args) {
    if (args.length > 0 && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback) {
      ((SocketIoSocket.ReceivedByLocalAcknowledgementCallback) args[args.length - 1]).sendAcknowledgement("ok");
    }
  }
}
