package dev.monitor.it.apps;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;

/**
 * A netty-socketio server (run under the agent) on a free port, with an authorization listener
 * that refuses {@code token=bad}, and events: {@code message} (replies with a {@code reply}
 * event and acks), {@code boom} (its handler throws), {@code slow} (its handler sleeps 50 ms).
 * Control: {@code /broadcast?event=news}, {@code /kick} (disconnects every client),
 * {@code /stop}, {@code /port}. Runs on netty-socketio 1.7 and 2.0 alike, so the authorization
 * listener is a proxy (1.7's method returns a boolean, 2.0's an AuthorizationResult).
 */
public final class SocketIoApp {

  private SocketIoApp() {}

  public static void main(String[] args) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(port);
    config.setTransports(Transport.WEBSOCKET, Transport.POLLING);
    config.setAuthorizationListener(authorization());
    SocketIOServer server = new SocketIOServer(config);
    server.addEventListener("message", String.class, (SocketIOClient client, String data, AckRequest ack) -> {
      client.sendEvent("reply", "re:" + data);
      if (ack.isAckRequested()) {
        ack.sendAckData("ok");
      }
    });
    server.addEventListener("boom", String.class, (client, data, ack) -> {
      throw new IllegalStateException("handler failed on purpose");
    });
    server.addEventListener("slow", String.class, (client, data, ack) -> {
      Thread.sleep(50);
      if (ack.isAckRequested()) {
        ack.sendAckData("ok");
      }
    });
    server.start();
    int socketPort = port;
    ControlServer.start(
        (op, query) -> {
          switch (op) {
            case "port":
              return Integer.toString(socketPort);
            case "broadcast":
              broadcast(server, query.getOrDefault("event", "news"));
              return "ok";
            case "kick":
              int n = 0;
              for (SocketIOClient client : server.getAllClients()) {
                client.disconnect();
                n++;
              }
              return "kicked " + n;
            case "stop":
              server.stop();
              return "stopped";
            default:
              return "unknown op " + op;
          }
        });
    System.out.println(
        "SOCKETIO PORT " + port + " library " + SocketIOServer.class.getProtectionDomain().getCodeSource().getLocation());
  }

  /** BroadcastOperations is a class in 1.7 and an interface in 2.0: called by reflection. */
  private static void broadcast(SocketIOServer server, String event) throws Exception {
    java.lang.reflect.Method get = SocketIOServer.class.getMethod("getBroadcastOperations");
    Object operations = get.invoke(server);
    get.getReturnType().getMethod("sendEvent", String.class, Object[].class)
        .invoke(operations, event, new Object[] {"hello"});
  }

  private static AuthorizationListener authorization() throws Exception {
    Object success = resultConstant("SUCCESSFUL_AUTHORIZATION");
    Object failure = resultConstant("FAILED_AUTHORIZATION");
    return (AuthorizationListener)
        Proxy.newProxyInstance(
            SocketIoApp.class.getClassLoader(),
            new Class<?>[] {AuthorizationListener.class},
            (proxy, method, arguments) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "authorization" : method.invoke(proxy, arguments);
              }
              boolean ok = !"bad".equals(((HandshakeData) arguments[0]).getSingleUrlParam("token"));
              return method.getReturnType() == boolean.class ? ok : ok ? success : failure;
            });
  }

  /** 2.0's AuthorizationResult constants; null on 1.7, which has no such class. */
  private static Object resultConstant(String name) throws Exception {
    try {
      return Class.forName("com.corundumstudio.socketio.AuthorizationResult").getField(name).get(null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
