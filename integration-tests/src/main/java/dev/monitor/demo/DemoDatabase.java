package dev.monitor.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The demo's database: H2 in memory through a HikariCP pool of 5, with a table of 100 users and
 * a {@code SLEEP_MS} function so that one endpoint runs a slow query.
 */
final class DemoDatabase {

  private DemoDatabase() {}

  static DataSource start() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPoolName("demo-pool");
    config.setMaximumPoolSize(5);
    config.setConnectionTimeout(2_000);
    HikariDataSource pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))");
      s.execute("CREATE ALIAS SLEEP_MS FOR 'dev.monitor.demo.DbFunctions.sleepMs'");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, name, email) VALUES (?, ?, ?)")) {
        for (int id = 1; id <= 100; id++) {
          insert.setInt(1, id);
          insert.setString(2, "user " + id);
          insert.setString(3, "user" + id + "@example.com");
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    return pool;
  }

  /** The name of a user, or null. */
  static String userName(DataSource db, int id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
      p.setInt(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** A report that takes {@code ms} milliseconds in the database. */
  static int slowReport(DataSource db, int ms) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT SLEEP_MS(?), COUNT(*) FROM users")) {
      p.setInt(1, ms);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getInt(2);
      }
    }
  }
}
