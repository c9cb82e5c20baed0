package dev.monitor.it.apps;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Tomcat 10.1 with jakarta.websocket endpoints: the annotated chat at {@code /ws/chat/{room}},
 * a programmatic endpoint with a lambda handler at {@code /ws/prog}, and {@code /ws/guarded},
 * which refuses every upgrade.
 */
public final class WebSocketTomcatApp {

  private WebSocketTomcatApp() {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("ws-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(0);
    tomcat.getConnector();
    Context context = tomcat.addContext("", base.getAbsolutePath());
    // Tomcat runs filters (WsFilter does the upgrade) only for a request some servlet maps
    Tomcat.addServlet(context, "fallback", new jakarta.servlet.http.HttpServlet() {});
    context.addServletMappingDecoded("/", "fallback");
    context.addServletContainerInitializer(new WsSci(), null);
    context.addApplicationListener(Endpoints.class.getName());
    tomcat.start();
    System.out.println("READY http://localhost:" + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  /** Registers the endpoints once the WebSocket container exists. */
  public static final class Endpoints implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      ServerContainer container =
          (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
      try {
        container.addEndpoint(JakartaChatEndpoint.class);
        container.addEndpoint(JakartaDenyAll.class);
        container.addEndpoint(ServerEndpointConfig.Builder.create(LambdaEndpoint.class, "/ws/prog").build());
      } catch (jakarta.websocket.DeploymentException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
