package dev.monitor.instrumentation.jedis;

import dev.monitor.bootstrap.RedisBridge;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Advice for {@code redis.clients.jedis.Connection}. A command is reported when its write
 * returns (so that commands a lazy connect sends first, such as AUTH or HELLO, are queued before
 * it, in wire order) with the time its write began.
 */
final class ConnectionAdvice {

  private ConnectionAdvice() {}

  /** Jedis 4 and later. */
  static final class SendArguments {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter long start,
        @Advice.This Object connection,
        @Advice.Argument(0) CommandArguments arguments,
        @Advice.Thrown Throwable thrown) {
      RedisBridge.jedisSent(connection, arguments.getCommand().getRaw(), start, thrown);
    }
  }

  /** Jedis 3. */
  static final class SendBytes {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter long start,
        @Advice.This Object connection,
        @Advice.Argument(0) ProtocolCommand command,
        @Advice.Thrown Throwable thrown) {
      RedisBridge.jedisSent(connection, command.getRaw(), start, thrown);
    }
  }

  static final class ReadReply {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object connection, @Advice.Thrown Throwable thrown) {
      RedisBridge.jedisReplied(connection, thrown);
    }
  }
}
