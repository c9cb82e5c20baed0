package dev.monitor.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code redis.clients.jedis.util.Pool.getResource()}: the borrow behind {@code JedisPool}
 * (Jedis 3 and later) and {@code JedisPooled}'s connection pool (Jedis 4 and later). Their
 * overrides call this method, so one borrow is timed once.
 */
final class PoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("redis.clients.jedis.util.Pool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("getResource").and(takesArguments(0)), PoolAdvice.class.getName());
  }
}
