package dev.monitor.instrumentation.servlet.common;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The two entry points of a servlet request, for one namespace ({@code javax.servlet} or
 * {@code jakarta.servlet}): every concrete {@code Servlet.service(ServletRequest,
 * ServletResponse)} and {@code Filter.doFilter(ServletRequest, ServletResponse, FilterChain)}.
 * Filters matter because the first filter is the outermost code of a request, so time spent in
 * security or rate-limiting filters is counted too.
 */
public final class ServletTypeInstrumentations {

  private ServletTypeInstrumentations() {}

  /** Both instrumentations, applying {@code adviceClassName} (request in argument 0, response in 1). */
  public static List<TypeInstrumentation> forNamespace(String namespace, String adviceClassName) {
    return Arrays.asList(
        instrumentation(
            namespace + ".Servlet",
            named("service").and(takesArguments(2)).and(requestAndResponse(namespace)),
            adviceClassName),
        instrumentation(
            namespace + ".Filter",
            named("doFilter")
                .and(takesArguments(3))
                .and(requestAndResponse(namespace))
                .and(takesArgument(2, named(namespace + ".FilterChain"))),
            adviceClassName));
  }

  private static ElementMatcher.Junction<MethodDescription> requestAndResponse(String namespace) {
    return isPublic()
        .and(not(isAbstract()))
        .and(takesArgument(0, named(namespace + ".ServletRequest")))
        .and(takesArgument(1, named(namespace + ".ServletResponse")));
  }

  private static TypeInstrumentation instrumentation(
      String interfaceName, ElementMatcher<? super MethodDescription> methods, String advice) {
    return new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        // only types that declare the method get advice (and are counted as transformed)
        return not(isInterface()).and(declaresMethod(methods)).and(hasSuperType(named(interfaceName)));
      }

      @Override
      public void transform(AdviceTarget target) {
        target.applyAdvice(methods, advice);
      }
    };
  }
}
