package dev.monitor.demo;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The demo's endpoints: each shows one thing the agent records. */
final class DemoServlets {

  private DemoServlets() {}

  static void text(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain");
    response.getWriter().println(body);
  }

  static long millis(HttpServletRequest request, long fallback) {
    String ms = request.getParameter("ms");
    try {
      return ms == null ? fallback : Math.max(0, Math.min(10_000, Long.parseLong(ms)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** GET /api/db/users/{id}: one SELECT through the pool; 404 for an unknown user. */
  static final class DbUsers extends HttpServlet {
    private final javax.sql.DataSource db;

    DbUsers(javax.sql.DataSource db) {
      this.db = db;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      try {
        String name = DemoDatabase.userName(db, Integer.parseInt(path));
        text(resp, name == null ? 404 : 200, name == null ? "no such user" : name);
      } catch (NumberFormatException e) {
        text(resp, 400, "the id must be a number");
      } catch (java.sql.SQLException e) {
        text(resp, 503, "database error " + e.getSQLState());
      }
    }
  }

  /** GET /api/cache/users/{id}: the user through the Redis cache (cache-aside over the database). */
  static final class CachedUsers extends HttpServlet {
    private final redis.clients.jedis.JedisPool cache;
    private final javax.sql.DataSource db;

    CachedUsers(redis.clients.jedis.JedisPool cache, javax.sql.DataSource db) {
      this.cache = cache;
      this.db = db;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (cache == null) {
        text(resp, 503, "no cache: the demo runs with demo.redis=none");
        return;
      }
      String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      try {
        String name = DemoRedis.userName(cache, db, Integer.parseInt(path));
        text(resp, name == null ? 404 : 200, name == null ? "no such user" : name);
      } catch (NumberFormatException e) {
        text(resp, 400, "the id must be a number");
      } catch (java.sql.SQLException e) {
        text(resp, 503, "database error " + e.getSQLState());
      } catch (redis.clients.jedis.exceptions.JedisException e) {
        text(resp, 503, "cache error " + e.getClass().getSimpleName());
      }
    }
  }

  /** GET /api/db/report?ms=150: a query that takes ms in the database (a slow query). */
  static final class DbReport extends HttpServlet {
    private final javax.sql.DataSource db;

    DbReport(javax.sql.DataSource db) {
      this.db = db;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        text(resp, 200, "users: " + DemoDatabase.slowReport(db, (int) millis(req, 150)));
      } catch (java.sql.SQLException e) {
        text(resp, 503, "database error " + e.getSQLState());
      }
    }
  }

  /** GET /api/hello: fast, 200. */
  static final class Hello extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      text(resp, 200, "hello");
    }
  }

  /** GET /api/slow?ms=200: sleeps, 200. */
  static final class Slow extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        Thread.sleep(millis(req, 200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      text(resp, 200, "slow");
    }
  }

  /** GET /api/users/{id}: an id in the path, recorded as the route /api/users/{id}. */
  static final class Users extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String id = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      resp.setContentType("application/json");
      resp.getWriter().println("{\"id\":\"" + id.replace("\"", "") + "\",\"name\":\"user " + id.length() + "\"}");
    }
  }

  /**
   * GET /api/fail: throws; the container answers 500. {@code ?wrapped=true} throws it inside a
   * {@code ServletException}, as Spring MVC rethrows a handler's exception.
   */
  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
      IllegalStateException failure = new IllegalStateException("demo failure");
      if ("true".equals(req.getParameter("wrapped"))) {
        throw new ServletException("Request processing failed: " + failure, failure);
      }
      throw failure;
    }
  }

  /** GET /api/limited: a rate limiter's 429. */
  static final class Limited extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setHeader("Retry-After", "1");
      text(resp, 429, "slow down");
    }
  }

  /** POST /api/orders: 201. */
  static final class Orders extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      text(resp, 201, "created");
    }
  }

  /** GET /api/async?ms=100: completes on another thread after ms. */
  static final class Async extends HttpServlet {
    private static final ScheduledExecutorService TIMER =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-async");
              t.setDaemon(true);
              return t;
            });

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext async = req.startAsync();
      TIMER.schedule(
          () -> {
            try {
              text((HttpServletResponse) async.getResponse(), 200, "async");
            } catch (IOException e) {
              // the client went away
            }
            async.complete();
          },
          millis(req, 100),
          TimeUnit.MILLISECONDS);
    }
  }

  /** GET /api/forward: forwards to /api/hello; one request, counted once under its own route. */
  static final class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws ServletException, IOException {
      req.getRequestDispatcher("/api/hello").forward(req, resp);
    }
  }

  /** Everything else: 404, recorded under the route NOT_FOUND so scanners mint no series. */
  static final class NotFound extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      text(resp, 404, "not found");
    }
  }

  /** A filter on every request, as real services have: the request is still counted once. */
  static final class RequestIdFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader("X-Request-Id", Long.toHexString(System.nanoTime()));
      http.setHeader("X-Virtual-Thread", String.valueOf(onVirtualThread()));
      chain.doFilter(request, response);
    }

    /** Thread.isVirtual() where the JDK has it (21 and later); the demo is built for 11. */
    private static boolean onVirtualThread() {
      try {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
      } catch (ReflectiveOperationException e) {
        return false;
      }
    }
  }
}
