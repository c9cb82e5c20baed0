package dev.monitor.agent.endpoint;

import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.agent.config.HttpServerSettings;
import dev.monitor.agent.log.AgentLog;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The embedded HTTP/1.1 server of the monitor port, built so that no client can take it down:
 *
 * <ul>
 *   <li>One IO thread ({@code monitor-http-io}) accepts, reads request heads and writes answers,
 *       all non-blocking: a client that sends one byte, or a TLS ClientHello, or nothing, holds
 *       no thread. A head must arrive within {@code monitor.http.request-timeout} (5 s); a head
 *       larger than 8 KiB, or bytes that cannot start a request line, are answered and closed.
 *   <li>At most {@code monitor.http.max-connections} (256) connections are open; a new one closes
 *       the oldest that is not being served, so a probe always gets in.
 *   <li>Answers are computed on two workers ({@code monitor-http-1}, {@code -2}, bounded queue,
 *       503 when full) and {@code /health/live} on a thread of its own ({@code monitor-http-live}),
 *       which a slow dependency check never holds. The IO thread never computes an answer.
 * </ul>
 *
 * A handler failure answers 500 and is logged once; it never reaches the application. Threading:
 * {@link #start} and {@link #close} from any thread; everything else on the IO thread, fed by a
 * queue of finished answers.
 */
public final class MonitorHttpServer implements Closeable {

  static final int MAX_HEAD_BYTES = 8192;
  /** How long a kept-alive connection may sit between requests (Prometheus scrapes every 15 to 60 s). */
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(75);
  /** How long an answer may take to drain to a client that reads slowly, per progress. */
  private static final long WRITE_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ServerSocketChannel listener;
  private final Selector selector;
  private final Endpoints endpoints;
  private final AccessPolicy access;
  private final int maxConnections;
  private final long requestTimeoutNanos;
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor live;
  private final ConcurrentLinkedQueue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
  /** Open connections in the order they were opened: the first idle one is the one to close. */
  private final Set<Connection> connections = new LinkedHashSet<>();
  private final Thread io;
  private volatile boolean running = true;

  private MonitorHttpServer(
      ServerSocketChannel listener, Selector selector, HttpServerSettings settings, Endpoints endpoints,
      boolean loopback) {
    this.listener = listener;
    this.selector = selector;
    this.endpoints = endpoints;
    this.access = new AccessPolicy(settings, loopback);
    this.maxConnections = settings.maxConnections;
    this.requestTimeoutNanos = settings.requestTimeout.toNanos();
    this.workers =
        new ThreadPoolExecutor(
            2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
            DaemonThreads.named("monitor-http"), new ThreadPoolExecutor.AbortPolicy());
    this.live =
        new ThreadPoolExecutor(
            1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
            DaemonThreads.named("monitor-http-live"), new ThreadPoolExecutor.AbortPolicy());
    // A daemon, so the agent never keeps the JVM alive.
    this.io = new Thread(this::loop, "monitor-http-io");
    io.setDaemon(true);
  }

  /** Starts the server; on failure (port in use) logs one warning and returns null. */
  public static MonitorHttpServer start(HttpServerSettings settings, Endpoints endpoints) {
    ServerSocketChannel listener = null;
    Selector selector = null;
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(settings.host, settings.port);
      listener = ServerSocketChannel.open();
      listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      listener.bind(address, 128);
      listener.configureBlocking(false);
      selector = Selector.open();
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      closeQuietly(listener);
      closeQuietly(selector);
      AgentLog.warn(
          "cannot listen on " + settings.host + ":" + settings.port + " (" + e.getMessage()
              + "); the service runs on without the monitor endpoints. Set monitor.http.port to a free port");
      return null;
    }
    boolean loopback = address.getAddress() != null && address.getAddress().isLoopbackAddress();
    MonitorHttpServer server = new MonitorHttpServer(listener, selector, settings, endpoints, loopback);
    server.io.start();
    AgentLog.info(
        "endpoints listening on http://" + settings.host + ":" + server.port()
            + " (/health, /health/live, /health/ready, /health/detailed, /metrics, /metrics.json)"
            + (server.access.requiresToken() ? "; a bearer token is required" : ""));
    return server;
  }

  public int port() {
    return listener.socket().getLocalPort();
  }

  private void loop() {
    long nextSweep = System.nanoTime() + SWEEP_NANOS;
    while (running) {
      try {
        selector.select(100);
        Runnable finished;
        while ((finished = fromWorkers.poll()) != null) {
          finished.run();
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          handle(key);
        }
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
          sweep(now);
          nextSweep = now + SWEEP_NANOS;
        }
      } catch (ClosedSelectorException e) {
        return;
      } catch (IOException | RuntimeException e) {
        AgentLog.warnOnce("http-io", "the monitor port's IO loop failed and goes on", e);
      }
    }
  }

  private void handle(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      accept();
      return;
    }
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isReadable()) {
        read(connection);
      } else if (key.isWritable()) {
        write(connection);
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.debug("monitor port connection closed: " + e);
      close(connection);
    }
  }

  private void accept() {
    SocketChannel channel;
    try {
      channel = listener.accept();
    } catch (IOException e) {
      AgentLog.debug("accept failed: " + e);
      return;
    }
    if (channel == null) {
      return;
    }
    if (connections.size() >= maxConnections && !closeOldestIdle()) {
      closeQuietly(channel); // every connection is being served: the newest waits its turn by retrying
      return;
    }
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      Connection connection =
          new Connection(channel, key, MAX_HEAD_BYTES, System.nanoTime() + requestTimeoutNanos);
      key.attach(connection);
      connections.add(connection);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
    }
  }

  private boolean closeOldestIdle() {
    for (Connection c : connections) {
      if (c.state == Connection.State.READING) {
        close(c);
        return true;
      }
    }
    return false;
  }

  private void read(Connection c) throws IOException {
    if (c.state != Connection.State.READING) {
      return;
    }
    int before = c.filled;
    int n = c.channel.read(ByteBuffer.wrap(c.head, c.filled, c.head.length - c.filled));
    if (n < 0) {
      close(c);
      return;
    }
    c.filled += n;
    if (before == 0 && c.filled > 0) {
      c.deadlineNanos = System.nanoTime() + requestTimeoutNanos; // a request began: its head is due
    }
    serveBuffered(c, before - 3);
  }

  /** Serves the next request in the buffer if its whole head is there; else keeps reading. */
  private void serveBuffered(Connection c, int searchFrom) {
    c.skipLeadingLineEnds();
    if (c.filled == 0) {
      return;
    }
    if (!Request.canStartRequest(c.head[0])) {
      answerAndClose(c, Response.error(400, "this port speaks plain HTTP/1.1 (no TLS)"));
      return;
    }
    int end = c.headEnd(searchFrom);
    if (end < 0) {
      if (c.filled == c.head.length) {
        answerAndClose(c, Response.error(431, "the request head is larger than " + MAX_HEAD_BYTES + " bytes"));
      }
      return;
    }
    Request request;
    try {
      request = Request.parse(c.head, end);
    } catch (Request.Malformed e) {
      answerAndClose(c, Response.error(e.status, e.getMessage()));
      return;
    }
    c.consume(end);
    dispatch(c, request);
  }

  private void dispatch(Connection c, Request request) {
    c.state = Connection.State.BUSY;
    c.key.interestOps(0);
    boolean close = !request.keepAlive() || !running;
    boolean headOnly = request.method.equals("HEAD");
    ThreadPoolExecutor pool = "/health/live".equals(request.path) ? live : workers;
    try {
      pool.execute(
          () -> {
            byte[] bytes = respond(request).encode(headOnly, close);
            fromWorkers.add(() -> startWrite(c, bytes, close));
            selector.wakeup();
          });
    } catch (RejectedExecutionException e) {
      startWrite(
          c, Response.error(503, "the monitor port is busy; try again").with("Retry-After", "1").encode(headOnly, true),
          true);
    }
  }

  /** The answer to one request; never throws. Runs on a worker. */
  private Response respond(Request request) {
    try {
      Response refused = access.refuse(request);
      return refused != null ? refused : endpoints.handle(request);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      AgentLog.warnOnce("endpoint " + request.path, "endpoint failed", e);
      return Response.error(500, "the monitor could not answer: " + e);
    }
  }

  private void answerAndClose(Connection c, Response response) {
    c.state = Connection.State.BUSY;
    startWrite(c, response.encode(false, true), true);
  }

  private void startWrite(Connection c, byte[] bytes, boolean close) {
    if (c.closed) {
      return;
    }
    c.out = ByteBuffer.wrap(bytes);
    c.closeAfterWrite = close;
    c.state = Connection.State.WRITING;
    c.deadlineNanos = System.nanoTime() + WRITE_NANOS;
    try {
      write(c);
    } catch (IOException | RuntimeException e) {
      close(c);
    }
  }

  private void write(Connection c) throws IOException {
    if (c.state != Connection.State.WRITING) {
      return;
    }
    if (c.channel.write(c.out) > 0) {
      c.deadlineNanos = System.nanoTime() + WRITE_NANOS;
    }
    if (c.out.hasRemaining()) {
      c.key.interestOps(SelectionKey.OP_WRITE);
      return;
    }
    c.out = null;
    if (c.closeAfterWrite) {
      close(c);
      return;
    }
    c.state = Connection.State.READING;
    c.deadlineNanos = System.nanoTime() + (c.filled > 0 ? requestTimeoutNanos : IDLE_NANOS);
    c.key.interestOps(SelectionKey.OP_READ);
    serveBuffered(c, 0); // a pipelined request may be waiting already
  }

  /** Closes connections whose head, idle time or write ran out of time. */
  private void sweep(long now) {
    List<Connection> expired = new ArrayList<>();
    for (Connection c : connections) {
      if (c.state != Connection.State.BUSY && now - c.deadlineNanos >= 0) {
        expired.add(c);
      }
    }
    for (Connection c : expired) {
      if (c.state == Connection.State.READING && c.filled > 0) {
        // A partial head that stalled: say so, then close (best effort, without waiting).
        try {
          c.channel.write(ByteBuffer.wrap(Response.error(408, "the request head did not arrive in time").encode(false, true)));
        } catch (IOException | RuntimeException e) {
          // closing anyway
        }
      }
      close(c);
    }
  }

  private void close(Connection c) {
    if (c.closed) {
      return;
    }
    c.closed = true;
    connections.remove(c);
    c.key.cancel();
    closeQuietly(c.channel);
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      io.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : new ArrayList<>(connections)) {
      close(c);
    }
    closeQuietly(listener);
    closeQuietly(selector);
    workers.shutdownNow();
    live.shutdownNow();
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
