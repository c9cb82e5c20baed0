package dev.monitor.instrumentation.api;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The advice for one kind of target type. */
public interface TypeInstrumentation {

  /** Which types to transform; match by name, never by loading the library's classes. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Says which methods of a matched type get which advice. */
  void transform(AdviceTarget target);
}
