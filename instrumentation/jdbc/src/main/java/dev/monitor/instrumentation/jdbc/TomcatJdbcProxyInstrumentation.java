package dev.monitor.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.bootstrap.JdbcBridge;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Tomcat JDBC hands out {@code java.lang.reflect.Proxy} connections, whose {@code close} runs in
 * the pool's invocation handlers rather than in any class that implements {@code Connection}.
 * The handlers receive the proxy, so their {@code invoke("close")} ends the proxy's lease.
 * Both the outermost handler by default and the innermost one are instrumented; the second
 * close of the same proxy is ignored.
 */
final class TomcatJdbcProxyInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "org.apache.tomcat.jdbc.pool.DisposableConnectionFacade",
        "org.apache.tomcat.jdbc.pool.ProxyConnection");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        JdbcMatchers.concrete().and(named("invoke")).and(takesArguments(3)),
        CloseAdvice.class.getName());
  }

  static final class CloseAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object proxy, @Advice.Argument(1) Method method) {
      if ("close".equals(method.getName())) {
        JdbcBridge.connectionClosed(proxy);
      }
    }
  }
}
