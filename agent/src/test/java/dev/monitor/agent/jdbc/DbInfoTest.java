package dev.monitor.agent.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DbInfoTest {

  private static void assertDb(String url, String system, String namespace, String address) {
    DbInfo db = DbInfo.fromUrl(url);
    assertEquals(system, db.system, url);
    assertEquals(namespace, db.namespace, url);
    assertEquals(address, db.address(), url);
  }

  @Test
  void readsSystemNamespaceAndAddress() {
    assertDb("jdbc:postgresql://db.local:5433/shop?user=u&password=secret", "postgresql", "shop", "db.local:5433");
    assertDb("jdbc:postgresql://localhost/shop", "postgresql", "shop", "localhost");
    assertDb("jdbc:postgresql://h1:5432,h2:5432/shop", "postgresql", "shop", "h1:5432");
    assertDb("jdbc:mysql://user:secret@mysql:3306/app", "mysql", "app", "mysql:3306");
    assertDb("jdbc:mariadb://maria/app", "mariadb", "app", "maria");
    assertDb("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1", "h2", "shop", null);
    assertDb("jdbc:h2:file:/var/data/orders", "h2", "orders", null);
    assertDb("jdbc:h2:tcp://dbhost:9092/~/sales", "h2", "sales", "dbhost:9092");
    assertDb("jdbc:sqlserver://sql:1433;databaseName=crm;password=secret", "microsoft.sql_server", "crm", "sql:1433");
    assertDb("jdbc:oracle:thin:@//ora:1521/ORCLPDB", "oracle", "ORCLPDB", "ora:1521");
    assertDb("jdbc:oracle:thin:@ora:1521:ORCL", "oracle", "ORCL", "ora:1521");
    assertDb("jdbc:p6spy:postgresql://pg/x", "postgresql", "x", "pg");
    assertDb("jdbc:something:else", "other_sql", null, null);
    assertDb("not a url", "other_sql", null, null);
    assertDb(null, "other_sql", null, null);
  }

  @Test
  void neverKeepsCredentials() {
    DbInfo db = DbInfo.fromUrl("jdbc:mysql://admin:hunter2@mysql:3306/app?password=hunter2");
    assertFalse(String.valueOf(db.host).contains("hunter2"));
    assertFalse(String.valueOf(db.namespace).contains("hunter2"));
  }
}
