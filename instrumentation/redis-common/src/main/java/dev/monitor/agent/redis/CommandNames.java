package dev.monitor.agent.redis;

import dev.monitor.agent.identity.WeakIdentityMap;
import java.nio.charset.StandardCharsets;

/**
 * Command names for {@code db.operation.name}: the command only (GET, HGETALL, JSON.GET), never
 * an argument. Jedis hands over the raw bytes its command constants hold, Lettuce its command
 * keyword; both are the same objects for every call, so the name is decoded once per object and
 * then found by identity, without allocation. Anything that does not look like a command name
 * becomes {@code other}. Thread-safe.
 */
final class CommandNames {

  static final String OTHER = "other";
  private static final int MAX_LENGTH = 40;

  private final WeakIdentityMap<Object, String> known = new WeakIdentityMap<>();

  /** The name of Jedis' raw command bytes. */
  String ofBytes(byte[] raw) {
    if (raw == null) {
      return OTHER;
    }
    String name = known.get(raw);
    if (name == null) {
      name = sanitize(new String(raw, StandardCharsets.ISO_8859_1));
      known.put(raw, name);
    }
    return name;
  }

  /** The name of a Lettuce {@code ProtocolKeyword} (an enum constant for every built-in command). */
  String ofKeyword(Object keyword) {
    if (keyword == null) {
      return OTHER;
    }
    String name = known.get(keyword);
    if (name == null) {
      name = sanitize(keyword instanceof Enum ? ((Enum<?>) keyword).name() : String.valueOf(keyword));
      known.put(keyword, name);
    }
    return name;
  }

  /** Upper case letters, digits, '.', '_', '-' and '|' (ACL subcommands), at most 40 of them. */
  static String sanitize(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return OTHER;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              || c == '.' || c == '_' || c == '-' || c == '|';
      if (!ok) {
        return OTHER;
      }
    }
    return text.toUpperCase(java.util.Locale.ROOT);
  }
}
