package dev.monitor.instrumentation.websocket;

import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.description.NamedElement;
import net.bytebuddy.matcher.ElementMatcher;

/** A JSR-356 type in either namespace. */
final class Names {

  private static final String JAVAX = "javax.websocket.";
  private static final String JAKARTA = "jakarta.websocket.";

  private Names() {}

  /** {@code javax.websocket.<name>} or {@code jakarta.websocket.<name>}. */
  static <T extends NamedElement> ElementMatcher.Junction<T> either(String name) {
    return named(JAVAX + name).or(named(JAKARTA + name));
  }

  /** The landmark form: either class present is enough. */
  static String any(String name) {
    return JAVAX + name + "|" + JAKARTA + name;
  }
}
