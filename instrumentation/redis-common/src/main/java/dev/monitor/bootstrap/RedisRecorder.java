package dev.monitor.bootstrap;

/**
 * What the Redis advice (Jedis and Lettuce) reports, implemented by the agent. Types are
 * {@code Object} because the bootstrap class loader cannot see the client libraries.
 * Implementations never throw.
 *
 * <p>Jedis writes a command and reads its reply in two calls on one connection (and in a
 * pipeline many writes come before the first read), so a command is reported as sent and, later,
 * each reply as read. Lettuce completes a command on another thread, so a command is reported as
 * dispatched and then as completed.
 */
public interface RedisRecorder {

  /** Jedis wrote a command on {@code connection}; {@code command} is its raw name bytes. */
  void jedisSent(Object connection, byte[] command, long startNanos, Throwable thrown);

  /** Jedis read one reply (or failed to) on {@code connection}. */
  void jedisReplied(Object connection, Throwable thrown);

  /** A Jedis pool ({@code redis.clients.jedis.util.Pool}) handed out {@code resource}, or failed. */
  void jedisBorrowed(Object pool, Object resource, long startNanos, Throwable thrown);

  /** Lettuce dispatched {@code command} ({@code keyword} is its type) on {@code connection}. */
  void lettuceDispatched(Object connection, Object command, Object keyword);

  /**
   * Lettuce completed, failed or cancelled {@code command}. {@code error} is the server's error
   * reply when the command completed with one.
   */
  void lettuceCompleted(Object command, String error, Throwable thrown, boolean cancelled);

  /**
   * The calling thread enters Lettuce's {@code awaitOrCancel} (the sync API waiting for a
   * reply): a cancellation inside it is the sync API giving up, a timeout. Returns what
   * {@link #lettuceAwaitEnded} restores.
   */
  boolean lettuceAwaitStarted();

  void lettuceAwaitEnded(boolean previous);

  /** Records nothing: the state before the agent installs its recorder. */
  RedisRecorder NOOP =
      new RedisRecorder() {
        @Override
        public void jedisSent(Object connection, byte[] command, long startNanos, Throwable thrown) {}

        @Override
        public void jedisReplied(Object connection, Throwable thrown) {}

        @Override
        public void jedisBorrowed(Object pool, Object resource, long startNanos, Throwable thrown) {}

        @Override
        public void lettuceDispatched(Object connection, Object command, Object keyword) {}

        @Override
        public void lettuceCompleted(Object command, String error, Throwable thrown, boolean cancelled) {}

        @Override
        public boolean lettuceAwaitStarted() {
          return false;
        }

        @Override
        public void lettuceAwaitEnded(boolean previous) {}
      };
}
