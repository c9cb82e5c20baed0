package dev.monitor.agent.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedisErrorsTest {

  @Test
  void takesTheFirstWordOfAnErrorReplyAndNothingElse() {
    assertEquals("WRONGTYPE", RedisErrors.prefix("WRONGTYPE Operation against a key holding the wrong kind of value"));
    assertEquals("NOSCRIPT", RedisErrors.prefix("NOSCRIPT No matching script. Please use EVAL."));
    assertEquals("MOVED", RedisErrors.prefix("MOVED 3999 127.0.0.1:6381"));
    assertEquals("ERR", RedisErrors.prefix("ERR unknown command 'secret-argument'"));
    assertEquals("LOADING", RedisErrors.prefix("LOADING"));
  }

  @Test
  void fallsBackToErrForAReplyWithoutACode() {
    assertEquals("ERR", RedisErrors.prefix(null));
    assertEquals("ERR", RedisErrors.prefix(""));
    assertEquals("ERR", RedisErrors.prefix("lower case message"));
    assertEquals("ERR", RedisErrors.prefix("Mixed Case"));
    assertEquals("ERR", RedisErrors.prefix("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ too long"));
  }

  @Test
  void namesAClientSideFailureByItsClass() {
    assertEquals("java.net.ConnectException", RedisErrors.type(new java.net.ConnectException("refused")));
    assertFalse(RedisErrors.isServerError(new IllegalStateException("WRONGTYPE")));
  }
}
