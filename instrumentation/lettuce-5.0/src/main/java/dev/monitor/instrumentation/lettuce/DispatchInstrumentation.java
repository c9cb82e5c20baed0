package dev.monitor.instrumentation.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code RedisChannelHandler.dispatch}: the base of every Lettuce connection (standalone, pub/sub,
 * sentinel); subclasses' overrides call it, so a command is seen once.
 */
final class DispatchInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.lettuce.core.RedisChannelHandler");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("dispatch").and(takesArguments(1))
            .and(takesArgument(0, named("io.lettuce.core.protocol.RedisCommand"))),
        DispatchAdvice.One.class.getName());
    target.applyAdvice(
        named("dispatch").and(takesArguments(1)).and(takesArgument(0, named("java.util.Collection"))),
        DispatchAdvice.Many.class.getName());
  }
}
