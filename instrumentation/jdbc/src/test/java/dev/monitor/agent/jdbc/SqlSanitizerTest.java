package dev.monitor.agent.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SqlSanitizerTest {

  private static SqlSummary summary(String sql) {
    return SqlSanitizer.summarize(sql, null);
  }

  private static void assertSummary(String sql, String operation, String table) {
    SqlSummary s = summary(sql);
    assertEquals(operation, s.operation, sql);
    assertEquals(table, s.collection, sql);
  }

  @Test
  void replacesEveryLiteralWithAQuestionMark() {
    assertEquals(
        "SELECT * FROM users WHERE name = ? AND age > ? AND score < -? AND flag = ? AND id IN (?, ?)",
        SqlSanitizer.sanitize(
            "SELECT * FROM users WHERE name = 'O''Brien' AND age > 42 AND score < -1.5e3 AND flag = TRUE AND id IN (1, 2)"));
    assertEquals("INSERT INTO t (a, b) VALUES (?, ?)", SqlSanitizer.sanitize("INSERT INTO t (a, b) VALUES (0xCAFE, E'it\\'s')"));
    assertEquals("SELECT ? FROM dual", SqlSanitizer.sanitize("SELECT $body$ secret; text $body$ FROM dual"));
    assertEquals("SELECT * FROM t WHERE x = $1", SqlSanitizer.sanitize("SELECT * FROM t WHERE x = $1"));
    assertEquals("SELECT a FROM b", SqlSanitizer.sanitize("SELECT a /* secret 1 */ FROM b -- trailing 'x'\n"));
    assertEquals("SELECT \"Col 1\" FROM t1 WHERE v = ?", SqlSanitizer.sanitize("SELECT \"Col 1\" FROM t1 WHERE v = N'x'"));
  }

  @Test
  void keepsNoLiteralEvenWhenQuotesAreUnbalanced() {
    String sanitized = SqlSanitizer.sanitize("SELECT * FROM t WHERE a = 'never closed secret");
    assertFalse(sanitized.contains("secret"), sanitized);
  }

  @Test
  void cutsVeryLongStatements() {
    StringBuilder sql = new StringBuilder("SELECT * FROM t WHERE id IN (");
    for (int i = 0; i < 2000; i++) {
      sql.append(i).append(", ");
    }
    String sanitized = SqlSanitizer.sanitize(sql.append("1)").toString());
    assertEquals(SqlSanitizer.MAX_LENGTH, sanitized.length());
    assertEquals("...", sanitized.substring(sanitized.length() - 3));
  }

  @Test
  void findsOperationAndTable() {
    assertSummary("select id from public.users u join orders o on o.uid = u.id", "SELECT", "public.users");
    assertSummary("SELECT count(*) FROM (SELECT * FROM inner_t) x", "SELECT", null);
    assertSummary("SELECT (SELECT max(id) FROM a) FROM b", "SELECT", "b");
    assertSummary("SELECT 1", "SELECT", null);
    assertSummary("insert into orders(id) values (?)", "INSERT", "orders");
    assertSummary("UPDATE ONLY accounts SET balance = 0", "UPDATE", "accounts");
    assertSummary("DELETE FROM sessions WHERE expires < now()", "DELETE", "sessions");
    assertSummary("MERGE INTO stock s USING x ON (1=1)", "MERGE", "stock");
    assertSummary("{call refresh_stats(?)}", "CALL", "refresh_stats");
    assertSummary("{? = call next_id(?)}", "CALL", "next_id");
    assertSummary("CREATE TABLE IF NOT EXISTS audit (id int)", "CREATE", "audit");
    assertSummary("CREATE TEMPORARY TABLE tmp_x (id int)", "CREATE", "tmp_x");
    assertSummary("CREATE INDEX idx ON t (a)", "CREATE", null);
    assertSummary("DROP TABLE IF EXISTS users", "DROP", "users");
    assertSummary("TRUNCATE TABLE logs", "TRUNCATE", "logs");
    assertSummary("WITH recent AS (SELECT * FROM orders) SELECT * FROM recent", "SELECT", "recent");
    assertSummary("WITH x AS (SELECT 1) DELETE FROM y", "DELETE", "y");
    assertSummary("  -- comment\n  select * from `quoted`", "SELECT", "quoted");
    assertSummary("frobnicate the database", "OTHER", null);
    assertSummary("", "OTHER", null);
    assertEquals("BATCH INSERT", summary("INSERT INTO t VALUES (?)").batchOperation);
  }

  @Test
  void neverReadsALiteralAsATable() {
    assertNull(summary("SELECT * FROM 'users'").collection);
  }
}
