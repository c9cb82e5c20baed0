package dev.monitor.instrumentation.lettuce;

import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Lettuce 5.0 to the latest: every command from its dispatch on a connection to its completion,
 * failure or cancellation. Sync, async and reactive commands all reach
 * {@code RedisChannelHandler.dispatch}; completion is observed on the command classes the
 * dispatched command is made of.
 */
public final class LettuceModule implements InstrumentationModule {

  @Override
  public String name() {
    return "lettuce-5.0";
  }

  @Override
  public List<String> landmarkClassNames() {
    return Collections.singletonList("io.lettuce.core.RedisChannelHandler");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new DispatchInstrumentation(), new CompletionInstrumentation(), new AwaitInstrumentation());
  }

  @Override
  public List<String> classNames() {
    return Arrays.asList(
        "io.lettuce.core.protocol.AsyncCommand",
        "io.lettuce.core.protocol.CommandWrapper",
        "io.lettuce.core.protocol.Command",
        "io.lettuce.core.LettuceFutures",
        "io.lettuce.core.internal.Futures",
        "io.lettuce.core.RedisChannelHandler");
  }
}
