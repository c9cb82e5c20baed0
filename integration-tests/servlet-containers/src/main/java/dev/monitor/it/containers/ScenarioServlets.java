package dev.monitor.it.containers;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The servlets of ServletScenario's shared traffic, by mapping: {@code /api/hello},
 * {@code /api/users/*}, {@code /api/fail} (throws), {@code /api/slow?ms=} and {@code /api/async?ms=}
 * (completes on a timer thread with 200).
 */
final class ScenarioServlets {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "async-timer");
    t.setDaemon(true);
    return t;
  });

  private ScenarioServlets() {}

  /** Mapping → servlet; the async one must be registered with async support. */
  static Map<String, HttpServlet> byMapping() {
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/api/hello", new Text("hello"));
    servlets.put("/api/users/*", new Text("user"));
    servlets.put("/api/fail", new Fail());
    servlets.put("/api/slow", new Slow());
    servlets.put("/api/async", new Async());
    return servlets;
  }

  static final class Text extends HttpServlet {
    private final String body;

    Text(String body) {
      this.body = body;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().print(body);
    }
  }

  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new IllegalArgumentException("failed on purpose");
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
      resp.getWriter().print("slow");
    }
  }

  static final class Async extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext context = req.startAsync();
      TIMER.schedule(
          () -> {
            ((HttpServletResponse) context.getResponse()).setStatus(200);
            context.complete();
          },
          Long.parseLong(req.getParameter("ms")),
          TimeUnit.MILLISECONDS);
    }
  }
}
