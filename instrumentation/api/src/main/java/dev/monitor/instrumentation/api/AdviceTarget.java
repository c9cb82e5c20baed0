package dev.monitor.instrumentation.api;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Where a {@link TypeInstrumentation} names its advice; implemented by the agent. */
public interface AdviceTarget {

  /**
   * Applies the advice class (named, so the agent reads its bytes without loading it) to the
   * methods the matcher selects.
   */
  void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
