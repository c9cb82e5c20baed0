package dev.monitor.it.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The control port of a test application: {@code GET /<op>?k=v} runs one operation and answers
 * its text; prints {@code READY http://localhost:<port>} for {@code ChildJvm}.
 */
final class ControlServer {

  interface Operations {
    String run(String op, Map<String, String> query) throws Exception;
  }

  private ControlServer() {}

  static void start(Operations operations) throws java.io.IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext(
        "/",
        exchange -> {
          String answer;
          try {
            answer = operations.run(exchange.getRequestURI().getPath().substring(1), query(exchange.getRequestURI().getRawQuery()));
          } catch (Exception e) {
            answer = "error " + e;
          }
          byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("READY http://localhost:" + server.getAddress().getPort());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return out;
  }
}
