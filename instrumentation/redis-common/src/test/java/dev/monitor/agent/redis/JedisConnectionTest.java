package dev.monitor.agent.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JedisConnectionTest {

  @Test
  void answersRepliesInTheOrderCommandsWereWrittenAcrossGrowthAndWrapAround() {
    JedisConnection c = new JedisConnection(RedisServer.UNKNOWN);
    // wrap the ring a few times before it has to grow
    for (int round = 0; round < 5; round++) {
      c.push(round, "PING");
      assertEquals("PING", c.oldestName());
      c.dropOldest();
    }
    for (int i = 0; i < 100; i++) {
      assertTrue(c.push(i, "CMD" + i));
    }
    for (int i = 0; i < 100; i++) {
      assertEquals(100 - i, c.size());
      assertEquals(i, c.oldestStart());
      assertEquals("CMD" + i, c.oldestName());
      c.dropOldest();
    }
    assertEquals(0, c.size());
    c.dropOldest(); // a reply with nothing pending changes nothing
    assertEquals(0, c.size());
  }

  @Test
  void stopsTimingPastTheLimitInsteadOfGrowingWithoutBound() {
    JedisConnection c = new JedisConnection(RedisServer.UNKNOWN);
    for (int i = 0; i < JedisConnection.MAX_PENDING; i++) {
      c.push(i, "SET");
    }
    assertFalse(c.push(0, "SET"));
    assertEquals(JedisConnection.MAX_PENDING, c.size());
  }
}
