package dev.monitor.instrumentation.servlet.jakarta.v5_0;

import java.util.Arrays;
import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import dev.monitor.instrumentation.servlet.common.ServletTypeInstrumentations;
import java.util.Collections;
import java.util.List;

/** {@code jakarta.servlet} 5.0 and later: Tomcat 10-11, Jetty 11-12, Undertow 2.2+, Spring Boot 3. */
public final class ServletModule implements InstrumentationModule {

  @Override
  public String name() {
    return "jakarta-servlet-5.0";
  }

  @Override
  public List<String> landmarkClassNames() {
    // The jakarta namespace starts at 5.0, which has every method the advice calls.
    return Collections.singletonList("jakarta.servlet.AsyncContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return ServletTypeInstrumentations.forNamespace(
        "jakarta.servlet", ServletRequestAdvice.class.getName());
  }

  @Override
  // the start of the descriptor of service(ServletRequest, ServletResponse) and of
  // doFilter(ServletRequest, ServletResponse, FilterChain): a class declaring either holds it
  public List<String> classFileMarkers() {
    return Arrays.asList(
        "(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;");
  }
}
