package dev.monitor.agent.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandNamesTest {

  private enum Keyword { GET, HGETALL }

  @Test
  void keepsTheCommandAndRejectsWhatIsNotACommandName() {
    assertEquals("GET", CommandNames.sanitize("get"));
    assertEquals("JSON.GET", CommandNames.sanitize("JSON.GET"));
    assertEquals("CLIENT", CommandNames.sanitize("CLIENT"));
    assertEquals(CommandNames.OTHER, CommandNames.sanitize("GET secret"));
    assertEquals(CommandNames.OTHER, CommandNames.sanitize(""));
    assertEquals(CommandNames.OTHER, CommandNames.sanitize("x".repeat(41)));
  }

  @Test
  void decodesEachRawCommandOnceAndThenFindsItByIdentity() {
    CommandNames names = new CommandNames();
    byte[] raw = "HGETALL".getBytes(StandardCharsets.US_ASCII);
    String first = names.ofBytes(raw);
    assertEquals("HGETALL", first);
    assertSame(first, names.ofBytes(raw));
    assertEquals(CommandNames.OTHER, names.ofBytes(null));
  }

  @Test
  void namesLettuceKeywordsByTheirEnumName() {
    CommandNames names = new CommandNames();
    assertEquals("HGETALL", names.ofKeyword(Keyword.HGETALL));
    assertEquals("GET", names.ofKeyword(Keyword.GET));
    assertEquals(CommandNames.OTHER, names.ofKeyword(null));
  }
}
