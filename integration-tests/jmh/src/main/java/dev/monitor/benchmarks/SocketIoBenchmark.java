package dev.monitor.benchmarks;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * netty-socketio event dispatch: a real {@code io.socket} client emits 100 {@code message}
 * events over WebSocket and the benchmark waits until the server's handler has run for all of
 * them. Per event, that is the client's encoding, one WebSocket frame each way of loopback
 * (shared by the 100), netty-socketio's decoding and dispatch, and (with the agent) the event's
 * timing and count. Only the server is instrumented.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SocketIoBenchmark {

  static final int EVENTS = 100;

  private SocketIOServer server;
  private Socket client;
  private final AtomicLong handled = new AtomicLong();
  private long expected;

  @Setup(Level.Trial)
  public void start() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(port);
    config.setTransports(Transport.WEBSOCKET);
    server = new SocketIOServer(config);
    server.addEventListener("message", String.class, (c, data, ack) -> handled.incrementAndGet());
    server.start();
    IO.Options options = new IO.Options();
    options.transports = new String[] {"websocket"};
    options.reconnection = false;
    client = IO.socket("http://127.0.0.1:" + port, options);
    CountDownLatch connected = new CountDownLatch(1);
    client.on(Socket.EVENT_CONNECT, args -> connected.countDown());
    client.connect();
    if (!connected.await(10, TimeUnit.SECONDS)) {
      throw new IOException("the Socket.IO client did not connect");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.stop();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long dispatch() throws InterruptedException {
    expected += EVENTS;
    for (int i = 0; i < EVENTS; i++) {
      client.emit("message", "hello");
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (handled.get() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("events lost: " + handled.get() + " of " + expected);
      }
      Thread.onSpinWait();
    }
    return handled.get();
  }
}
