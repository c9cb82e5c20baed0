package dev.monitor.agent.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CloseCodesTest {

  @Test
  void reducesEveryCodeToABoundedClass() {
    assertEquals("normal", CloseCodes.classOf(1000));
    assertEquals("going_away", CloseCodes.classOf(1001));
    assertEquals("abnormal", CloseCodes.classOf(1006));
    assertEquals("error", CloseCodes.classOf(1002));
    assertEquals("error", CloseCodes.classOf(1011));
    assertEquals("library", CloseCodes.classOf(3000));
    assertEquals("application", CloseCodes.classOf(4001));
    assertEquals("unknown", CloseCodes.classOf(-1));
    assertEquals("unknown", CloseCodes.classOf(5000));
  }
}
