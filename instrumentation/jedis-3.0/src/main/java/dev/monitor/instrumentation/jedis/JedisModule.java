package dev.monitor.instrumentation.jedis;

import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Jedis 3.0 to the latest: every command from its write to its reply on
 * {@code redis.clients.jedis.Connection} (plain, pooled, pipelined and transactional alike), and
 * the borrow from a {@code JedisPool} / {@code JedisPooled} pool.
 */
public final class JedisModule implements InstrumentationModule {

  @Override
  public String name() {
    return "jedis-3.0";
  }

  @Override
  public List<String> landmarkClassNames() {
    // Jedis 3.0 moved Pool and ProtocolCommand to these packages; 2.x has neither.
    return Collections.singletonList("redis.clients.jedis.commands.ProtocolCommand");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new ConnectionInstrumentation(), new PoolInstrumentation());
  }

  @Override
  public List<String> classNames() {
    return Arrays.asList(
        "redis.clients.jedis.util.Pool",
        "redis.clients.jedis.Connection");
  }
}
