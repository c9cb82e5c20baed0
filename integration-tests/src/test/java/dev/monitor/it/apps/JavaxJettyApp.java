package dev.monitor.it.apps;

import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** A javax.servlet application on Jetty 9.4 under the context path /shop. */
public final class JavaxJettyApp {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

  public static void main(String[] args) throws Exception {
    callFilterWithABrokenRequest();
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/shop");
    context.addServlet(new ServletHolder(new Text(200, "hello")), "/api/hello");
    context.addServlet(new ServletHolder(new Text(200, "user")), "/api/users/*");
    context.addServlet(new ServletHolder(new Fail()), "/api/fail");
    context.addServlet(new ServletHolder(new Slow()), "/api/slow");
    context.addServlet(new ServletHolder(new SpringLikeHandler()), "/api/items/*");
    ServletHolder async = new ServletHolder(new Async());
    async.setAsyncSupported(true);
    context.addServlet(async, "/api/async");
    FilterHolder filter = new FilterHolder(new PassThrough());
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    System.out.println("READY http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  /**
   * Makes the agent's advice fail for real: a request whose getDispatcherType() throws, given to
   * a filter as the outermost call on this thread. The filter must still run.
   */
  static void callFilterWithABrokenRequest() throws Exception {
    HttpServletRequest broken =
        (HttpServletRequest)
            java.lang.reflect.Proxy.newProxyInstance(
                JavaxJettyApp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("broken request: " + method.getName());
                });
    new PassThrough().doFilter(broken, null, (request, response) -> System.out.println("FILTER RAN"));
  }

  static final class Text extends HttpServlet {
    private final int status;
    private final String body;

    Text(int status, String body) {
      this.status = status;
      this.body = body;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setStatus(status);
      resp.getWriter().println(body);
    }
  }

  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new UnsupportedOperationException("javax failure");
    }
  }

  /** Sets the route template the way Spring MVC's HandlerMapping does, before handling. */
  static final class SpringLikeHandler extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      req.setAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern", "/api/items/{sku}");
      resp.getWriter().println("item");
    }
  }

  static final class Slow extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        Thread.sleep(Long.parseLong(req.getParameter("ms")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      resp.getWriter().println("slow");
    }
  }

  static final class Async extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext context = req.startAsync();
      TIMER.schedule(
          () -> {
            ((HttpServletResponse) context.getResponse()).setStatus(202);
            context.complete();
          },
          Long.parseLong(req.getParameter("ms")),
          TimeUnit.MILLISECONDS);
    }
  }

  static final class PassThrough implements Filter {
    @Override
    public void init(FilterConfig config) {}

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }

    @Override
    public void destroy() {}
  }
}
