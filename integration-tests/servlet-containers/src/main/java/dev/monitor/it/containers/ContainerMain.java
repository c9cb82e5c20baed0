package dev.monitor.it.containers;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.InstanceHandle;
import io.undertow.servlet.api.ServletInfo;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code jetty12 <context path>} or {@code undertow <context path>}: the scenario's servlets on a
 * free port, announced as {@code READY http://localhost:<port>} with the container's version.
 */
public final class ContainerMain {

  public static void main(String[] args) throws Exception {
    String contextPath = args.length > 1 ? args[1] : "";
    if (args[0].equals("jetty12")) {
      jetty(contextPath);
    } else if (args[0].equals("undertow")) {
      undertow(contextPath);
    } else {
      throw new IllegalArgumentException("jetty12 or undertow, not " + args[0]);
    }
  }

  static void jetty(String contextPath) throws Exception {
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath(contextPath.isEmpty() ? "/" : contextPath);
    for (Map.Entry<String, HttpServlet> s : ScenarioServlets.byMapping().entrySet()) {
      ServletHolder holder = new ServletHolder(s.getValue());
      holder.setAsyncSupported(true);
      context.addServlet(holder, s.getKey());
    }
    server.setHandler(context);
    server.start();
    System.out.println("container Jetty/" + Server.getVersion());
    System.out.println("READY http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  static void undertow(String contextPath) throws Exception {
    DeploymentInfo deployment = Servlets.deployment()
        .setClassLoader(ContainerMain.class.getClassLoader())
        .setContextPath(contextPath.isEmpty() ? "/" : contextPath)
        .setDeploymentName("scenario");
    for (Map.Entry<String, HttpServlet> s : ScenarioServlets.byMapping().entrySet()) {
      HttpServlet servlet = s.getValue();
      ServletInfo info = Servlets.servlet(servlet.getClass().getSimpleName() + s.getKey(), servlet.getClass(),
              () -> new InstanceHandle<jakarta.servlet.Servlet>() {
                @Override
                public jakarta.servlet.Servlet getInstance() {
                  return servlet;
                }

                @Override
                public void release() {}
              })
          .addMapping(s.getKey())
          .setAsyncSupported(true);
      deployment.addServlet(info);
    }
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
    manager.deploy();
    Undertow server = Undertow.builder()
        .addHttpListener(0, "localhost")
        .setHandler(manager.start())
        .build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    System.out.println("container Undertow/" + io.undertow.Version.getVersionString());
    System.out.println("READY http://localhost:" + port);
  }
}
