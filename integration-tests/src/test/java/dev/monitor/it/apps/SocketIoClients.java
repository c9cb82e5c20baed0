package dev.monitor.it.apps;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real Socket.IO clients ({@code io.socket:socket.io-client}; 1.x or 2.x, whichever is on the
 * class path: only API both have is used), driven from the control port so a test can check the
 * server's figures between steps. Ops: {@code /connect?n=}, {@code /reject?n=} (token=bad),
 * {@code /emit?event=&n=} (each connected client, waiting for acks unless {@code ack=false}),
 * {@code /disconnect?n=} (the first n clients leave), {@code /count}. Runs without the agent.
 */
public final class SocketIoClients {

  private static final List<Socket> CONNECTED = new ArrayList<>();
  private static final AtomicInteger REPLIES = new AtomicInteger();
  private static final AtomicInteger NEWS = new AtomicInteger();
  private static final AtomicInteger SERVER_DISCONNECTS = new AtomicInteger();

  private SocketIoClients() {}

  /** websocket (refused ones over polling, see below), or polling for everything. */
  private static final String TRANSPORT = System.getProperty("socketio.transport", "websocket");

  /**
   * One HTTP client for all the clients, allowed as many requests per host as there are clients:
   * OkHttp's default of 5 would queue a sixth long-poll behind five that the server holds open.
   */
  private static final okhttp3.OkHttpClient HTTP = http();

  private static okhttp3.OkHttpClient http() {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(256);
    return new okhttp3.OkHttpClient.Builder().dispatcher(dispatcher).build();
  }

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("socketio.url");
    ControlServer.start(
        (op, query) -> {
          int n = Integer.parseInt(query.getOrDefault("n", "1"));
          switch (op) {
            case "connect":
              return "connected " + connect(url, n, "good");
            case "reject":
              return "rejected " + connect(url, n, "bad");
            case "emit":
              boolean ack = !"false".equals(query.get("ack"));
              return (ack ? "acked " : "emitted ") + emit(query.getOrDefault("event", "message"), n, ack);
            case "disconnect":
              return "disconnected " + disconnect(n);
            case "count":
              return "replies " + REPLIES.get() + " news " + NEWS.get() + " serverDisconnects " + SERVER_DISCONNECTS.get();
            default:
              return "unknown op " + op;
          }
        });
  }

  /** Opens n clients with the token; returns how many connected (for "bad": how many were refused). */
  private static synchronized int connect(String url, int n, String token) throws Exception {
    CountDownLatch done = new CountDownLatch(n);
    AtomicInteger connected = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      IO.Options options = new IO.Options();
      options.forceNew = true;
      options.reconnection = false;
      // refused ones over polling: a refused WebSocket handshake is a bare close to the client,
      // which reports no connect error, while a refused polling handshake is an HTTP error
      options.transports = new String[] {"good".equals(token) ? TRANSPORT : "polling"};
      options.query = "token=" + token;
      options.callFactory = HTTP;
      options.webSocketFactory = HTTP;
      Socket socket = IO.socket(url, options);
      socket.on(Socket.EVENT_CONNECT, a -> {
        connected.incrementAndGet();
        done.countDown();
      });
      socket.on(Socket.EVENT_CONNECT_ERROR, a -> {
        refused.incrementAndGet();
        done.countDown();
      });
      socket.on("reply", a -> REPLIES.incrementAndGet());
      socket.on("news", a -> NEWS.incrementAndGet());
      socket.on(Socket.EVENT_DISCONNECT, a -> {
        if (a.length > 0 && "io server disconnect".equals(String.valueOf(a[0]))) {
          SERVER_DISCONNECTS.incrementAndGet();
        }
      });
      socket.connect();
      sockets.add(socket);
    }
    if (!done.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("clients did not finish connecting: " + connected + " connected, " + refused + " refused");
    }
    if ("good".equals(token)) {
      CONNECTED.addAll(sockets);
      return connected.get();
    }
    for (Socket socket : sockets) {
      socket.close();
    }
    return refused.get();
  }

  private static synchronized int emit(String event, int n, boolean waitForAck) throws Exception {
    CountDownLatch acks = new CountDownLatch(waitForAck ? CONNECTED.size() * n : 0);
    for (Socket socket : CONNECTED) {
      for (int i = 0; i < n; i++) {
        if (waitForAck) {
          socket.emit(event, new Object[] {"m" + i}, a -> acks.countDown());
        } else {
          socket.emit(event, "m" + i);
        }
      }
    }
    if (!acks.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException(acks.getCount() + " acks missing");
    }
    return (int) (CONNECTED.size() * (long) n - acks.getCount());
  }

  private static synchronized int disconnect(int n) {
    int done = 0;
    while (done < n && !CONNECTED.isEmpty()) {
      CONNECTED.remove(0).disconnect();
      done++;
    }
    return done;
  }
}
