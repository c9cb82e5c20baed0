package dev.monitor.bootstrap;

/**
 * Static entry points that the Jedis and Lettuce advice (inlined into the clients' classes)
 * calls. Everything is delegated to the recorder the agent installs; until then nothing is
 * recorded.
 */
public final class RedisBridge {

  private static volatile RedisRecorder recorder = RedisRecorder.NOOP;

  private RedisBridge() {}

  /** Called once by the agent at start. */
  public static void install(RedisRecorder installed) {
    recorder = installed == null ? RedisRecorder.NOOP : installed;
  }

  public static void jedisSent(Object connection, byte[] command, long startNanos, Throwable thrown) {
    recorder.jedisSent(connection, command, startNanos, thrown);
  }

  public static void jedisReplied(Object connection, Throwable thrown) {
    recorder.jedisReplied(connection, thrown);
  }

  public static void jedisBorrowed(Object pool, Object resource, long startNanos, Throwable thrown) {
    recorder.jedisBorrowed(pool, resource, startNanos, thrown);
  }

  public static void lettuceDispatched(Object connection, Object command, Object keyword) {
    recorder.lettuceDispatched(connection, command, keyword);
  }

  public static void lettuceCompleted(Object command, String error, Throwable thrown, boolean cancelled) {
    recorder.lettuceCompleted(command, error, thrown, cancelled);
  }

  public static boolean lettuceAwaitStarted() {
    return recorder.lettuceAwaitStarted();
  }

  public static void lettuceAwaitEnded(boolean previous) {
    recorder.lettuceAwaitEnded(previous);
  }
}
