package dev.monitor.agent.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  /** Equal to every other instance: the map must still tell them apart. */
  private static final class Twin {
    @Override
    public boolean equals(Object o) {
      return o instanceof Twin;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void keysByIdentityAcrossGrowth() {
    WeakIdentityMap<Object, Integer> map = new WeakIdentityMap<>();
    List<Twin> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Twin key = new Twin();
      keys.add(key);
      map.put(key, i);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i, map.get(keys.get(i)));
    }
    assertNull(map.get(new Twin()));
    assertEquals(1000, map.size());
    assertEquals(7, map.remove(keys.get(7)));
    assertNull(map.get(keys.get(7)));
    map.put(keys.get(8), -8);
    assertEquals(-8, map.get(keys.get(8)));
    assertEquals(999, map.size());
  }

  @Test
  void forgetsKeysTheApplicationDropped() throws InterruptedException {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.put(kept, "kept");
    for (int i = 0; i < 10_000; i++) {
      map.put(new Object(), "garbage");
    }
    for (int attempt = 0; attempt < 50 && map.size() > 1; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(1, map.size());
    assertSame("kept", map.get(kept));
  }
}
