package dev.monitor.agent.redis;

/**
 * What the agent knows of one Jedis connection: its server, and the commands written on it whose
 * replies have not been read yet, oldest first (one for a plain call, many in a pipeline or a
 * transaction). Redis answers in order, so each reply read belongs to the oldest command.
 *
 * <p>Threading: a Jedis connection is used by one thread at a time, and so is this queue. The
 * one exception, a pub/sub subscriber reading while another thread unsubscribes, can pair a
 * reply with the wrong command but never throws: indexes are always masked into the arrays.
 */
final class JedisConnection {

  /** A pipeline longer than this is timed for its first 65,536 commands only. */
  static final int MAX_PENDING = 1 << 16;

  final RedisServer server;
  private long[] starts = new long[8];
  private String[] names = new String[8];
  private int head;
  private int size;

  JedisConnection(RedisServer server) {
    this.server = server;
  }

  /** Queues a written command; false when the queue is full and it goes untimed. */
  boolean push(long startNanos, String name) {
    if (size == starts.length) {
      if (size == MAX_PENDING) {
        return false;
      }
      grow();
    }
    int tail = (head + size) & (starts.length - 1);
    starts[tail] = startNanos;
    names[tail] = name;
    size++;
    return true;
  }

  int size() {
    return size;
  }

  long oldestStart() {
    return starts[head & (starts.length - 1)];
  }

  String oldestName() {
    return names[head & (names.length - 1)];
  }

  void dropOldest() {
    if (size > 0) {
      names[head & (names.length - 1)] = null;
      head = (head + 1) & (starts.length - 1);
      size--;
    }
  }

  private void grow() {
    long[] s = new long[starts.length * 2];
    String[] n = new String[names.length * 2];
    for (int i = 0; i < size; i++) {
      s[i] = starts[(head + i) & (starts.length - 1)];
      n[i] = names[(head + i) & (names.length - 1)];
    }
    starts = s;
    names = n;
    head = 0;
  }
}
