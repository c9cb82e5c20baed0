package dev.monitor.instrumentation.servlet.v3_0;

import java.util.Arrays;
import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import dev.monitor.instrumentation.servlet.common.ServletTypeInstrumentations;
import java.util.Collections;
import java.util.List;

/** {@code javax.servlet} 3.0 and later: Tomcat 7-9, Jetty 8-10, Undertow 1-2, Spring Boot 2. */
public final class ServletModule implements InstrumentationModule {

  @Override
  public String name() {
    return "servlet-3.0";
  }

  @Override
  public List<String> landmarkClassNames() {
    // AsyncContext arrived in 3.0; the advice calls 3.0 methods (getDispatcherType, isAsyncStarted).
    return Collections.singletonList("javax.servlet.AsyncContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return ServletTypeInstrumentations.forNamespace(
        "javax.servlet", ServletRequestAdvice.class.getName());
  }

  @Override
  // the start of the descriptor of service(ServletRequest, ServletResponse) and of
  // doFilter(ServletRequest, ServletResponse, FilterChain): a class declaring either holds it
  public List<String> classFileMarkers() {
    return Arrays.asList(
        "(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;");
  }
}
