package dev.monitor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** Calls the demo's own endpoints so a newcomer sees numbers at once: a burst, then one a second. */
final class SelfTraffic {

  private static final String[] PATHS = {
    "/api/hello", "/api/hello", "/api/hello", "/api/users/42", "/api/users/7", "/api/slow?ms=120",
    "/api/async?ms=50", "/api/limited", "/api/fail", "/api/forward", "/api/db/users/42",
    "/api/db/users/7", "/api/db/report?ms=150",
    "/api/cache/users/42", "/api/cache/users/42"
  };

  private SelfTraffic() {}

  static void start(int port) {
    Thread thread =
        new Thread(
            () -> {
              for (String path : PATHS) {
                call(port, path);
              }
              for (int i = 0; ; i++) {
                call(port, PATHS[i % PATHS.length]);
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "demo-self-traffic");
    thread.setDaemon(true);
    thread.start();
  }

  private static void call(int port, String path) {
    try {
      HttpURLConnection c = (HttpURLConnection) new URL("http://localhost:" + port + path).openConnection();
      int status = c.getResponseCode();
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
    } catch (IOException e) {
      // the demo is shutting down
    }
  }
}
