package dev.monitor.agent.redis;

/**
 * {@code error.type} and {@code db.response.status_code} of a failed command. A server error
 * reply is named by its prefix ({@code ERR}, {@code WRONGTYPE}, {@code NOSCRIPT}, {@code MOVED}:
 * the first word of the reply, never the rest, which may quote an argument). A failure on the
 * client side (connection refused or broken, timeout, cancellation) is named by its exception
 * class, so the two are told apart and neither carries the status code of the other.
 */
final class RedisErrors {

  /** The exception classes clients throw for an error reply from the server. */
  private static final String[] SERVER_ERROR_CLASSES = {
    "redis.clients.jedis.exceptions.JedisDataException",
    "io.lettuce.core.RedisCommandExecutionException"
  };

  static final String CANCELLED = "java.util.concurrent.CancellationException";

  private static final ClassValue<Boolean> IS_SERVER_ERROR =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (String name : SERVER_ERROR_CLASSES) {
              if (c.getName().equals(name)) {
                return Boolean.TRUE;
              }
            }
          }
          return Boolean.FALSE;
        }
      };

  private RedisErrors() {}

  static boolean isServerError(Throwable thrown) {
    return thrown != null && IS_SERVER_ERROR.get(thrown.getClass());
  }

  /** The prefix of an error reply: its first word when that is an upper-case code, else ERR. */
  static String prefix(String reply) {
    if (reply == null) {
      return "ERR";
    }
    int end = 0;
    while (end < reply.length() && end < 32) {
      char c = reply.charAt(end);
      if (c < 'A' || c > 'Z') {
        break;
      }
      end++;
    }
    boolean wordEnds = end == reply.length() || reply.charAt(end) == ' ';
    return end > 0 && wordEnds ? reply.substring(0, end) : "ERR";
  }

  /** The error type of a thrown failure: a server error's prefix or the exception's class. */
  static String type(Throwable thrown) {
    return isServerError(thrown) ? prefix(thrown.getMessage()) : thrown.getClass().getName();
  }
}
