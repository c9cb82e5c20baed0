package dev.monitor.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One query on H2 in memory through HikariCP, the way services run it. {@code executeQuery}
 * re-executes a statement prepared once (what the agent adds to one execution);
 * {@code borrowPrepareExecute} is a whole unit of work: borrow a connection, prepare, execute,
 * read, close both (adding the agent's prepare and connection bookkeeping).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcBenchmark {

  private static final String SELECT = "SELECT name FROM users WHERE id = ?";

  private HikariDataSource pool;
  private Connection connection;
  private PreparedStatement prepared;
  private int id;

  @Setup(Level.Trial)
  public void start() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS users (id INT PRIMARY KEY, name VARCHAR(100))");
      s.execute("DELETE FROM users");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
        for (int i = 0; i < 1000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "user " + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    connection = pool.getConnection();
    prepared = connection.prepareStatement(SELECT);
  }

  @TearDown(Level.Trial)
  public void stop() throws SQLException {
    prepared.close();
    connection.close();
    pool.close();
  }

  @Benchmark
  public String executeQuery() throws SQLException {
    prepared.setInt(1, next());
    try (ResultSet rs = prepared.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Benchmark
  public String borrowPrepareExecute() throws SQLException {
    try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(SELECT)) {
      p.setInt(1, next());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private int next() {
    id = (id + 7) % 1000;
    return id;
  }
}
