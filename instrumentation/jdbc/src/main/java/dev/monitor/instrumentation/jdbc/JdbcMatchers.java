package dev.monitor.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Matchers shared by the JDBC type instrumentations. */
final class JdbcMatchers {

  private JdbcMatchers() {}

  /** Public instance methods with a body. */
  static ElementMatcher.Junction<MethodDescription> concrete() {
    return isPublic().and(not(isStatic())).and(not(isAbstract()));
  }

  /**
   * Concrete classes that declare one of {@code methods} and implement {@code interfaceName}.
   * The declared-method test comes first: it reads only the class itself, so the hierarchy walk
   * runs for few classes.
   */
  static ElementMatcher<TypeDescription> implementing(
      String interfaceName, ElementMatcher<? super MethodDescription> methods) {
    return not(isInterface()).and(declaresMethod(methods)).and(hasSuperType(named(interfaceName)));
  }
}
