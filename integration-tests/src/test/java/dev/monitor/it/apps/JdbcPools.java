package dev.monitor.it.apps;

import javax.sql.DataSource;

/** The data sources {@link JdbcApp} can run on, each configured the way its users do. */
final class JdbcPools {

  private JdbcPools() {}

  static DataSource create(String pool, String url) {
    String user = System.getProperty("jdbc.user", "sa");
    String password = System.getProperty("jdbc.password", "");
    int max = Integer.getInteger("jdbc.max", 4);
    long waitMs = JdbcApp.waitTime().toMillis();
    switch (pool) {
      case "hikari":
        {
          com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
          config.setJdbcUrl(url);
          config.setUsername(user);
          config.setPassword(password);
          config.setMaximumPoolSize(max);
          config.setConnectionTimeout(waitMs);
          config.setPoolName("app-pool");
          return new com.zaxxer.hikari.HikariDataSource(config);
        }
      case "hikari-unnamed":
        {
          // as Spring Boot builds it: the no-argument constructor and setters, no pool name, so
          // HikariCP names the pool (HikariPool-1) when the first getConnection starts it
          com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
          ds.setJdbcUrl(url);
          ds.setUsername(user);
          ds.setPassword(password);
          ds.setMaximumPoolSize(max);
          ds.setConnectionTimeout(waitMs);
          return ds;
        }
      case "hikari-datasource":
        {
          // HikariCP opening its connections through a driver's DataSource, as Spring Boot users
          // configure it with dataSourceClassName: only the pool must be reported.
          com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
          config.setDataSourceClassName("org.h2.jdbcx.JdbcDataSource");
          config.addDataSourceProperty("URL", url);
          config.addDataSourceProperty("user", user);
          config.addDataSourceProperty("password", password);
          config.setMaximumPoolSize(max);
          config.setConnectionTimeout(waitMs);
          config.setPoolName("wrapped-pool");
          return new com.zaxxer.hikari.HikariDataSource(config);
        }
      case "dbcp2":
        {
          org.apache.commons.dbcp2.BasicDataSource ds = new org.apache.commons.dbcp2.BasicDataSource();
          ds.setUrl(url);
          ds.setUsername(user);
          ds.setPassword(password);
          ds.setMaxTotal(max);
          ds.setMaxWait(java.time.Duration.ofMillis(waitMs));
          return ds;
        }
      case "tomcat":
        {
          org.apache.tomcat.jdbc.pool.PoolProperties p = new org.apache.tomcat.jdbc.pool.PoolProperties();
          p.setUrl(url);
          p.setUsername(user);
          p.setPassword(password);
          p.setMaxActive(max);
          p.setMaxIdle(max);
          p.setInitialSize(1);
          p.setMinIdle(1);
          p.setMaxWait((int) waitMs);
          return new org.apache.tomcat.jdbc.pool.DataSource(p);
        }
      case "c3p0":
        {
          com.mchange.v2.c3p0.ComboPooledDataSource ds = new com.mchange.v2.c3p0.ComboPooledDataSource();
          ds.setJdbcUrl(url);
          ds.setUser(user);
          ds.setPassword(password);
          ds.setMinPoolSize(1);
          ds.setInitialPoolSize(1);
          ds.setMaxPoolSize(max);
          ds.setCheckoutTimeout((int) waitMs);
          return ds;
        }
      case "plain":
        {
          org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
          ds.setURL(url);
          ds.setUser(user);
          ds.setPassword(password);
          return ds;
        }
      default:
        throw new IllegalArgumentException("unknown pool " + pool);
    }
  }
}
