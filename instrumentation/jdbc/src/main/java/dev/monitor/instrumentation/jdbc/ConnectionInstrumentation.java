package dev.monitor.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code Connection.prepareStatement/prepareCall} (to remember each prepared statement's SQL and
 * database), {@code createStatement} (its database), and {@code close} (the end of a pooled
 * connection's use).
 */
final class ConnectionInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> PREPARE =
      JdbcMatchers.concrete()
          .and(named("prepareStatement").or(named("prepareCall")))
          .and(takesArgument(0, String.class));

  private static final ElementMatcher.Junction<MethodDescription> CREATE =
      JdbcMatchers.concrete().and(named("createStatement"));

  private static final ElementMatcher.Junction<MethodDescription> CLOSE =
      JdbcMatchers.concrete().and(named("close")).and(takesArguments(0)).and(returns(void.class));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return JdbcMatchers.implementing("java.sql.Connection", PREPARE.or(CREATE).or(CLOSE));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(PREPARE, ConnectionAdvice.Prepare.class.getName());
    target.applyAdvice(CREATE, ConnectionAdvice.Create.class.getName());
    target.applyAdvice(CLOSE, ConnectionAdvice.Close.class.getName());
    // what the agent notes about each object (its lease, or its statement's SQL and database)
    target.addTagField();
  }
}
