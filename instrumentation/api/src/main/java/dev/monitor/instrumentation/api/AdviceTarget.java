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

  /**
   * Asks for {@code dev.monitor.bootstrap.AgentTagged} on the type: a field of the agent's in
   * each object. The agent adds it only where it safely can (a class defined after the agent
   * started, in an unnamed module, not {@code Serializable}); code that reads it must check
   * {@code instanceof AgentTagged} and have another way for objects without it.
   */
  default void addTagField() {}
}
