package dev.monitor.instrumentation.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code awaitOrCancel}, where the sync API waits for a reply and, when its timeout passes,
 * cancels the command before throwing {@code RedisCommandTimeoutException}
 * ({@code LettuceFutures} in 5.x, {@code internal.Futures} in 6 and later). Marking the wait lets
 * the agent count that cancellation as the timeout it is.
 */
final class AwaitInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf("io.lettuce.core.LettuceFutures", "io.lettuce.core.internal.Futures");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isStatic().and(named("awaitOrCancel")), AwaitAdvice.class.getName());
  }
}
