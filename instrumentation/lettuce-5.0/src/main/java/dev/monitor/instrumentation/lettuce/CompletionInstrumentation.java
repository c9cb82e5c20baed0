package dev.monitor.instrumentation.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Completion of the command classes a dispatched command is: {@code AsyncCommand} (sync and async
 * API), {@code CommandWrapper} (the reactive API's subscription command and other wrappers) and
 * {@code Command} (commands dispatched directly). Wrappers delegate to what they wrap, so one
 * completion may pass several of these methods; the agent records a command only on the first
 * completion of the object that was dispatched.
 */
final class CompletionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "io.lettuce.core.protocol.AsyncCommand",
        "io.lettuce.core.protocol.CommandWrapper",
        "io.lettuce.core.protocol.Command");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("complete").and(takesArguments(0)), CompletionAdvice.Complete.class.getName());
    target.applyAdvice(
        named("completeExceptionally").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
        CompletionAdvice.Fail.class.getName());
    target.applyAdvice(
        named("cancel").and(takesArguments(0).or(takesArguments(1).and(takesArgument(0, boolean.class)))),
        CompletionAdvice.Cancel.class.getName());
  }
}
