package dev.monitor.agent.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.monitor.agent.DaemonThreads;
import dev.monitor.agent.log.AgentLog;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The embedded HTTP server (JDK {@code com.sun.net.httpserver}) on {@code monitor.http.host:port}.
 * Two named daemon worker threads and a bounded queue: a flood of probes waits or is served by
 * the accepting thread, it never grows threads or memory. A handler failure answers 500 and is
 * logged once; it never reaches the application.
 */
public final class MonitorHttpServer implements Closeable {

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private MonitorHttpServer(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the server; on failure (port in use) logs one warning and returns null. */
  public static MonitorHttpServer start(String host, int port, Endpoints endpoints) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException | RuntimeException e) {
      AgentLog.warn(
          "cannot listen on " + host + ":" + port + " (" + e.getMessage()
              + "); the service runs on without the monitor endpoints. Set monitor.http.port to a free port");
      return null;
    }
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
            DaemonThreads.named("monitor-http"), new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, endpoints));
    startOnDaemonThread(server);
    InetSocketAddress bound = server.getAddress();
    AgentLog.info(
        "endpoints listening on http://" + host + ":" + bound.getPort()
            + " (/health, /health/live, /health/ready, /health/detailed, /metrics, /metrics.json)");
    return new MonitorHttpServer(server, executor);
  }

  /**
   * The JDK server's dispatcher thread inherits daemon status from the thread that starts the
   * server, and premain runs on the application's main thread, which is not a daemon: started
   * there, the dispatcher would keep the JVM alive after the application's last thread ends.
   */
  private static void startOnDaemonThread(HttpServer server) {
    Thread starter = DaemonThreads.named("monitor-http-start").newThread(server::start);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, Endpoints endpoints) {
    try {
      Response response;
      try {
        response = endpoints.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warnOnce("endpoint " + exchange.getRequestURI().getPath(), "endpoint failed", e);
        response = Response.error(500, "the monitor could not answer: " + e);
      }
      exchange.getResponseHeaders().set("Content-Type", response.contentType);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (response.status == 405) {
        exchange.getResponseHeaders().set("Allow", "GET");
      }
      exchange.sendResponseHeaders(response.status, response.body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body);
      }
    } catch (IOException e) {
      AgentLog.debug("client went away: " + e);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
