package dev.monitor.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The execute methods of {@code Statement}, {@code PreparedStatement} and
 * {@code CallableStatement}: with the SQL as argument ({@code execute(String...)} and friends),
 * without ({@code executeQuery()} on a prepared statement), and the batch variants; and
 * {@code close()}, so the agent forgets a statement when the application does.
 */
final class StatementInstrumentation implements TypeInstrumentation {

  private static final ElementMatcher.Junction<MethodDescription> WITH_SQL =
      JdbcMatchers.concrete()
          .and(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
          .and(takesArgument(0, String.class));

  private static final ElementMatcher.Junction<MethodDescription> PREPARED =
      JdbcMatchers.concrete()
          .and(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
          .and(takesArguments(0));

  private static final ElementMatcher.Junction<MethodDescription> BATCH =
      JdbcMatchers.concrete()
          .and(named("executeBatch").or(named("executeLargeBatch")))
          .and(takesArguments(0));

  private static final ElementMatcher.Junction<MethodDescription> CLOSE =
      JdbcMatchers.concrete().and(named("close")).and(takesArguments(0)).and(returns(void.class));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return JdbcMatchers.implementing("java.sql.Statement", WITH_SQL.or(PREPARED).or(BATCH).or(CLOSE));
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(WITH_SQL, StatementAdvice.ExecuteSql.class.getName());
    target.applyAdvice(PREPARED, StatementAdvice.ExecutePrepared.class.getName());
    target.applyAdvice(BATCH, StatementAdvice.ExecuteBatch.class.getName());
    target.applyAdvice(CLOSE, StatementAdvice.Close.class.getName());
    // what the agent notes about each object (its lease, or its statement's SQL and database)
    target.addTagField();
  }
}
