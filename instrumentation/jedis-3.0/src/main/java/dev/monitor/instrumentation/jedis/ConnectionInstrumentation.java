package dev.monitor.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code Connection}: the one method every command write goes through, and the one that reads a
 * reply. Jedis 4 added {@code sendCommand(CommandArguments)}, which its other
 * {@code sendCommand} overloads call; Jedis 3 funnels through
 * {@code sendCommand(ProtocolCommand, byte[]...)}, which Jedis 4 keeps as a delegating overload.
 * So the Jedis 3 advice applies only to a class without the Jedis 4 method, and a command is
 * never counted twice.
 */
final class ConnectionInstrumentation implements TypeInstrumentation {

  private static final String CONNECTION = "redis.clients.jedis.Connection";
  private static final String ARGUMENTS = "redis.clients.jedis.CommandArguments";

  private static final ElementMatcher.Junction<MethodDescription> SEND_ARGUMENTS =
      named("sendCommand").and(takesArguments(1)).and(takesArgument(0, named(ARGUMENTS)));

  private static final ElementMatcher.Junction<MethodDescription> SEND_BYTES =
      named("sendCommand")
          .and(takesArguments(2))
          .and(takesArgument(0, named("redis.clients.jedis.commands.ProtocolCommand")))
          .and(takesArgument(1, byte[][].class));

  private static final ElementMatcher.Junction<MethodDescription> READ_REPLY =
      named("readProtocolWithCheckingBroken").and(takesArguments(0));

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(CONNECTION);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(SEND_ARGUMENTS, ConnectionAdvice.SendArguments.class.getName());
    target.applyAdvice(
        SEND_BYTES.and(
            (MethodDescription m) ->
                m.getDeclaringType().getDeclaredMethods().filter(SEND_ARGUMENTS).isEmpty()),
        ConnectionAdvice.SendBytes.class.getName());
    target.applyAdvice(READ_REPLY, ConnectionAdvice.ReadReply.class.getName());
  }
}
