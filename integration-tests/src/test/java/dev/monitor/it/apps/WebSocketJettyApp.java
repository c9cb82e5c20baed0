package dev.monitor.it.apps;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.jsr356.server.deploy.WebSocketServerContainerInitializer;

/** Jetty 9.4 with javax.websocket endpoints: the annotated chat and the guarded endpoint. */
public final class WebSocketJettyApp {

  private WebSocketJettyApp() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    server.setHandler(context);
    WebSocketServerContainerInitializer.configure(
        context,
        (servletContext, container) -> {
          container.addEndpoint(JavaxChatEndpoint.class);
          container.addEndpoint(JavaxDenyAll.class);
        });
    server.start();
    System.out.println("READY http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }
}
