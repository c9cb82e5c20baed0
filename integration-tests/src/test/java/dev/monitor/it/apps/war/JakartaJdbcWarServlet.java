package dev.monitor.it.apps.war;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A WAR's servlet that brings its own HikariCP and H2 in {@code WEB-INF/lib}, as many WARs do: its
 * pool ({@code <context>-pool}) is made in {@code init} and closed in {@code destroy}, so every
 * class the agent instruments for it (the pool, its proxies, the driver) is loaded by the
 * webapp's own class loader. {@code /api/users/<id>} reads a row.
 */
public class JakartaJdbcWarServlet extends HttpServlet {

  private HikariDataSource pool;

  @Override
  public void init() {
    String name = getServletContext().getContextPath().substring(1);
    HikariConfig config = new HikariConfig();
    // named: DriverManager finds only the drivers of the system class path by itself
    config.setDriverClassName("org.h2.Driver");
    config.setJdbcUrl("jdbc:h2:mem:" + name);
    config.setPoolName(name + "-pool");
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40))");
      s.execute("INSERT INTO users VALUES (1, 'ada'), (2, 'alan'), (3, 'grace')");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (!path.startsWith("/users/")) {
      resp.sendError(404);
      return;
    }
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
      s.setInt(1, Integer.parseInt(path.substring("/users/".length())));
      try (ResultSet rows = s.executeQuery()) {
        resp.getWriter().print(rows.next() ? rows.getString(1) : "none");
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
