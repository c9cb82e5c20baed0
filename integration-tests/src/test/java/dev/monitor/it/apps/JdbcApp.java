package dev.monitor.it.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A plain JDBC application for the JDBC tests: a data source (a pool chosen by {@code jdbc.pool})
 * and a control port whose paths run known statements, so a test knows exactly what the agent
 * must have seen. Errors are caught and answered as text, showing what reached the application.
 *
 * <p>Properties: {@code jdbc.url}, {@code jdbc.user}, {@code jdbc.password}, {@code jdbc.pool}
 * (hikari, dbcp2, tomcat, c3p0, plain), {@code jdbc.max} (pool size, 4), {@code jdbc.waitMs}
 * (how long a borrower waits for a connection, 1000).
 */
public final class JdbcApp {

  private static final AtomicInteger IDS = new AtomicInteger(1000);

  private final DataSource dataSource;
  private final boolean postgres;

  private JdbcApp(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("jdbc.url");
    JdbcApp app = new JdbcApp(JdbcPools.create(System.getProperty("jdbc.pool", "hikari"), url), url.startsWith("jdbc:postgresql:"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", app::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("APP pool from " + app.dataSource.getClass().getProtectionDomain().getCodeSource().getLocation().getPath());
    System.out.println("APP driver from "
        + java.sql.DriverManager.getDriver(url).getClass().getProtectionDomain().getCodeSource().getLocation().getPath());
    System.out.println("READY http://localhost:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String answer;
    try {
      Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
      int times = Integer.parseInt(q.getOrDefault("n", "1"));
      String op = exchange.getRequestURI().getPath().substring(1);
      StringBuilder out = new StringBuilder();
      if (op.equals("hold")) {
        out.append(hold(times, Long.parseLong(q.getOrDefault("ms", "2000"))));
      } else if (op.equals("tagged")) {
        out.append(tagged());
      } else if (op.equals("tables")) {
        out.append(tables(times));
      } else {
        for (int i = 0; i < times; i++) {
          out.append(run(op)).append('\n');
        }
      }
      answer = out.toString();
    } catch (Exception e) {
      answer = "error " + e;
    }
    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(body);
    }
  }

  /**
   * Whether the connection and prepared statement the application holds (the pool's proxies, or
   * the driver's own objects) and the driver's connection under them carry the agent's field.
   */
  private String tagged() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("SELECT 1")) {
      Connection driver = c.isWrapperFor(Connection.class) ? c.unwrap(Connection.class) : c;
      return "connection " + tagged(c.getClass()) + " statement " + tagged(p.getClass())
          + " driver connection " + tagged(driver.getClass());
    }
  }

  private static boolean tagged(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals("dev.monitor.bootstrap.AgentTagged")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Creates and reads n tables, so the agent holds two series per table (a wide export). */
  private String tables(int n) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (int i = 0; i < n; i++) {
        s.execute("CREATE TABLE IF NOT EXISTS wide_" + i + " (id INT)");
        s.executeQuery("SELECT id FROM wide_" + i).close();
      }
    }
    return "tables " + n;
  }

  /** Runs one named operation; an SQLException is answered as "error class sqlstate". */
  private String run(String op) {
    try (Connection c = dataSource.getConnection()) {
      switch (op) {
        case "setup":
          try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS users");
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100))");
            if (!postgres) {
              s.execute("CREATE ALIAS IF NOT EXISTS SLEEP_MS FOR 'dev.monitor.demo.DbFunctions.sleepMs'");
            }
          }
          return "ok";
        case "insert":
          try (PreparedStatement p = c.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
            int id = IDS.incrementAndGet();
            p.setInt(1, id);
            p.setString(2, "name-" + id);
            return "inserted " + p.executeUpdate();
          }
        case "select":
          try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
            p.setInt(1, IDS.get());
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? "found" : "none";
            }
          }
        case "update":
          try (Statement s = c.createStatement()) {
            return "updated " + s.executeUpdate("UPDATE users SET name = 'secret-literal-xyz' WHERE id = 424242");
          }
        case "delete":
          try (PreparedStatement p = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
            p.setInt(1, -1);
            return "deleted " + p.executeUpdate();
          }
        case "batch":
          try (PreparedStatement p = c.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
            for (int i = 0; i < 3; i++) {
              p.setInt(1, IDS.incrementAndGet());
              p.setString(2, "batch");
              p.addBatch();
            }
            return "batched " + p.executeBatch().length;
          }
        case "fail":
          try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT * FROM missing_table WHERE code = 'hidden-literal-abc'");
            return "no error?";
          }
        case "sleep":
          try (PreparedStatement p =
              c.prepareStatement(postgres ? "SELECT pg_sleep(0.2)" : "SELECT SLEEP_MS(200)")) {
            p.executeQuery().close();
            return "slept";
          }
        case "borrow":
          return "borrowed";
        default:
          return "unknown op " + op;
      }
    } catch (SQLException e) {
      return "error " + e.getClass().getName() + " " + e.getSQLState();
    }
  }

  /** Borrows {@code n} connections on their own threads and holds them for {@code ms}. */
  private String hold(int n, long ms) throws InterruptedException {
    CountDownLatch borrowed = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection c = dataSource.getConnection()) {
                  borrowed.countDown();
                  Thread.sleep(ms);
                } catch (Exception e) {
                  borrowed.countDown();
                }
              });
      t.setDaemon(true);
      t.start();
    }
    borrowed.await();
    return "holding " + n;
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

  static Duration waitTime() {
    return Duration.ofMillis(Long.getLong("jdbc.waitMs", 1000));
  }
}
