package dev.monitor.it.apps;

import io.socket.engineio.server.JettyWebSocketHandler;
import java.io.IOException;
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
 * {@code io.socket:socket.io-server} 4.0 on Jetty 9.4 (under the agent): polling through a
 * servlet, WebSocket through engine.io-server-jetty; the events of {@link SocketIoServerEvents}.
 */
public final class SocketIoServerJettyApp {

  private SocketIoServerJettyApp() {}

  public static void main(String[] args) throws Exception {
    SocketIoServerEvents app = new SocketIoServerEvents();
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    ServletHolder polling = new ServletHolder(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        app.engine.handleRequest(request, response);
      }
    });
    polling.setAsyncSupported(true);
    context.addServlet(polling, "/socket.io/*");
    WebSocketUpgradeFilter.configureContext(context)
        .addMapping(new ServletPathSpec("/socket.io/*"), (request, response) -> new JettyWebSocketHandler(app.engine));
    server.setHandler(context);
    server.start();
    app.startControl(((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }
}
