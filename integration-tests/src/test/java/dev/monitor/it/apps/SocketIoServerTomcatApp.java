package dev.monitor.it.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * {@code io.socket:socket.io-server} 4.1 (engine.io-server 6.3, jakarta.servlet) on Tomcat 10.1,
 * long-polling only (engine.io-server ships no WebSocket adapter for it); the events of
 * {@link SocketIoServerEvents}. The tests compile against 4.0's javax signature, so the engine's
 * {@code handleRequest} is found by reflection.
 */
public final class SocketIoServerTomcatApp {

  private SocketIoServerTomcatApp() {}

  public static void main(String[] args) throws Exception {
    SocketIoServerEvents app = new SocketIoServerEvents();
    Method handle =
        app.engine.getClass().getMethod("handleRequest", HttpServletRequest.class, HttpServletResponse.class);
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("sio-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(0);
    tomcat.getConnector();
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Wrapper wrapper = Tomcat.addServlet(context, "engine.io", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        try {
          handle.invoke(app.engine, request, response);
        } catch (ReflectiveOperationException e) {
          throw new java.io.IOException(e);
        }
      }
    });
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded("/socket.io/*", "engine.io");
    tomcat.start();
    app.startControl(tomcat.getConnector().getLocalPort());
  }
}
