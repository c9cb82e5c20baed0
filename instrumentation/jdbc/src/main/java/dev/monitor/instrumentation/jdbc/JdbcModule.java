package dev.monitor.instrumentation.jdbc;

import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every JDBC driver and connection pool, through the {@code java.sql} / {@code javax.sql}
 * interfaces they implement: statement execution, statement creation, connection acquisition
 * from a {@code DataSource}, and connection close. Pool gauges (idle, used, max) are read by the
 * agent from the pool objects it met here; no pool needs advice of its own.
 */
public final class JdbcModule implements InstrumentationModule {

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<String> landmarkClassNames() {
    return Collections.emptyList(); // java.sql is part of every JDK the agent runs on
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new StatementInstrumentation(),
        new ConnectionInstrumentation(),
        new DataSourceInstrumentation(),
        new TomcatJdbcProxyInstrumentation());
  }

  @Override
  public List<String> classFileMarkers() {
    return Arrays.asList(
        "java/sql/",
        "javax/sql/");
  }

  @Override
  public List<String> classNames() {
    return Arrays.asList(
        "org.apache.tomcat.jdbc.pool.DataSourceProxy",
        "org.apache.tomcat.jdbc.pool.DisposableConnectionFacade",
        "org.apache.tomcat.jdbc.pool.ProxyConnection");
  }
}
