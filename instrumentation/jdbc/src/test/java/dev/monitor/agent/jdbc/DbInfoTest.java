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

  /** Hostile and unusual URLs from each driver's documentation: the secret is always "hunter2". */
  @Test
  void neverEmitsUserPasswordOrAnyPropertyWhateverTheForm() {
    String[][] table = {
      // url, system, namespace, address
      {"jdbc:mariadb://address=(host=db)(port=3306)(user=app)(password=hunter2)/orders", "mariadb", "orders", "db:3306"},
      {"jdbc:mysql://address=(host=db)(port=3306)(password=hun/ter2)(user=app)/orders?x=1", "mysql", "orders", "db:3306"},
      {"jdbc:mysql://(host=db1,port=3307,user=app,password=hunter2),(host=db2)/orders", "mysql", "orders", "db1:3307"},
      {"jdbc:mysql://app:hun/ter2@db:3306/orders", "mysql", "orders", "db:3306"},
      {"jdbc:mysql://app:p?ss@hunter2@db:3306/orders", "mysql", "orders", "db:3306"},
      {"jdbc:mysql://db:3306/orders?user=app&password=hunter2@x", "mysql", "orders", "db:3306"},
      {"jdbc:mysql:loadbalance://db1:3306,db2:3306/orders?user=app&password=hunter2", "mysql", "orders", "db1:3306"},
      {"jdbc:mysql+srv://app:hunter2@_mysql._tcp.example.com/orders", "mysql", "orders", "_mysql._tcp.example.com"},
      {"jdbc:mariadb:sequential://db1,db2/orders;password=hunter2", "mariadb", "orders", "db1"},
      {"jdbc:mysql://db/orders#password=hunter2", "mysql", "orders", "db"},
      {"jdbc:postgresql://pg1:5432,pg2:5433/orders?targetServerType=primary&password=hunter2", "postgresql", "orders", "pg1:5432"},
      {"jdbc:postgresql://[::1]:5432/orders?password=hunter2", "postgresql", "orders", "[::1]:5432"},
      {"jdbc:postgresql:orders?password=hunter2", "postgresql", "orders", null},
      {"jdbc:postgresql://app:hunter2@pg/orders", "postgresql", "orders", "pg"},
      {"jdbc:oracle:thin:scott/hunter2@db:1521:ORCL", "oracle", "ORCL", "db:1521"},
      {"jdbc:oracle:thin:scott/hun@ter2@//db:1521/sales.example.com", "oracle", "sales.example.com", "db:1521"},
      {"jdbc:oracle:thin:@tcps://db:2484/sales?wallet_location=/w&password=hunter2", "oracle", "sales", "db:2484"},
      {"jdbc:oracle:thin:@db:1521/sales:dedicated/inst1", "oracle", "sales", "db:1521"},
      {"jdbc:oracle:thin:scott/hunter2@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora1)(PORT=1521))"
          + "(ADDRESS=(HOST=ora2)(PORT=1522))(CONNECT_DATA=(SERVICE_NAME=sales)))", "oracle", "sales", "ora1:1521"},
      {"jdbc:oracle:thin:@salesalias", "oracle", null, null},
      {"jdbc:sqlserver://sql\\prod:1433;databaseName=crm;user=sa;password=hunter2", "microsoft.sql_server", "crm", "sql:1433"},
      {"jdbc:sqlserver://;serverName=sql;portNumber=1444;databaseName=crm;password=hunter2", "microsoft.sql_server", "crm", "sql:1444"},
      {"jdbc:sqlserver://sql;password=hunter2;integratedSecurity=true", "microsoft.sql_server", null, "sql"},
      {"jdbc:jtds:sqlserver://sql:1433/crm;user=sa;password=hunter2", "microsoft.sql_server", "crm", "sql:1433"},
      {"jdbc:h2:mem:3f2a6c1e-9b4d-4e8a-a1f0-7c2d5e6b8a90;DB_CLOSE_DELAY=-1", "h2", "mem", null},
      {"jdbc:h2:mem:;PASSWORD=hunter2", "h2", "mem", null},
      {"jdbc:h2:mem:testdb;USER=sa;PASSWORD=hunter2", "h2", "testdb", null},
      {"jdbc:h2:tcp://app:hunter2@h2host:9092/~/sales", "h2", "sales", "h2host:9092"},
      {"jdbc:clickhouse://app:hunter2@ch:8123/events?password=hunter2", "clickhouse", "events", "ch:8123"},
      {"jdbc:db2://db2:50000/SAMPLE:user=app;password=hunter2;", "ibm.db2", null, "db2:50000"},
    };
    for (String[] row : table) {
      DbInfo db = DbInfo.fromUrl(row[0]);
      String all = db.system + " " + db.namespace + " " + db.address();
      assertFalse(all.contains("hunter2") || all.contains("ter2") || all.contains("app") && !row[0].contains("happ"),
          row[0] + " gave " + all);
      assertDb(row[0], row[1], row[2], row[3]);
    }
  }
}
