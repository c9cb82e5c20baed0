package dev.monitor.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code DataSource.getConnection()} and {@code getConnection(user, password)} of every pool and
 * data source: the wait for a connection, pool timeouts, and which data sources the service uses
 * (for their health checks and pool gauges). The password argument is never read.
 */
final class DataSourceInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> GET_CONNECTION =
      JdbcMatchers.concrete()
          .and(named("getConnection"))
          .and(takesArguments(0).or(takesArguments(2)));

  /**
   * Pools whose {@code getConnection} lives in a superclass that does not itself implement
   * {@code DataSource}: Tomcat JDBC's {@code DataSourceProxy} (its subclass {@code DataSource}
   * adds the interface).
   */
  private static final ElementMatcher.Junction<TypeDescription> DATA_SOURCE_SUPERCLASSES =
      named("org.apache.tomcat.jdbc.pool.DataSourceProxy");

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return DATA_SOURCE_SUPERCLASSES.or(JdbcMatchers.implementing("javax.sql.DataSource", GET_CONNECTION));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(GET_CONNECTION, DataSourceAdvice.class.getName());
  }
}
