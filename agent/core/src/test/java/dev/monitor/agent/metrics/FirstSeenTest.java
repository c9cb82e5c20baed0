package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirstSeenTest {

  @Test
  void theMakerRunsOncePerKeyEvenWhenThreadsRace() throws Exception {
    FirstSeen<Object, String> seen = FirstSeen.byIdentity("pools", 10);
    Object pool = new Object();
    AtomicInteger made = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        answers.add(seen.entryFor(pool, p -> "pool-" + made.incrementAndGet()));
      });
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, made.get());
    assertEquals(8, answers.size());
    for (String answer : answers) {
      assertEquals("pool-1", answer);
    }
    assertEquals(List.of("pool-1"), seen.entries());
  }

  @Test
  void identityNotEquality() {
    FirstSeen<String, String> byIdentity = FirstSeen.byIdentity("sources", 10);
    String a = new String("db");
    String b = new String("db");
    byIdentity.entryFor(a, k -> "first");
    assertEquals("second", byIdentity.entryFor(b, k -> "second"));
    FirstSeen<String, String> byValue = FirstSeen.byValue("servers", 10);
    byValue.entryFor(a, k -> "first");
    assertEquals("first", byValue.entryFor(b, k -> "second"));
  }

  @Test
  void aKeyTheMakerDeclinesIsRememberedAndNotListed() {
    FirstSeen<Object, String> seen = FirstSeen.byIdentity("sources", 10);
    Object internal = new Object();
    AtomicInteger asked = new AtomicInteger();
    assertNull(seen.entryFor(internal, k -> {
      asked.incrementAndGet();
      return null;
    }));
    assertNull(seen.entryFor(internal, k -> "again"));
    assertEquals(1, asked.get());
    assertTrue(seen.seen(internal));
    assertNull(seen.get(internal));
    assertTrue(seen.entries().isEmpty());
  }

  @Test
  void pastTheLimitNewKeysAreNotKept() {
    FirstSeen<String, String> seen = FirstSeen.byValue("servers", 2);
    assertEquals("a", seen.entryFor("a", k -> k));
    assertEquals("b", seen.entryFor("b", k -> k));
    assertNull(seen.entryFor("c", k -> k));
    assertFalse(seen.seen("c"));
    assertEquals(List.of("a", "b"), seen.entries());
  }

  @Test
  void aForgottenEntryLeavesTheListButKeepsItsKey() {
    FirstSeen<String, String> seen = FirstSeen.byValue("pools", 10);
    String entry = seen.entryFor("p", k -> "pool");
    seen.forget(entry);
    assertTrue(seen.entries().isEmpty());
    assertSame(entry, seen.entryFor("p", k -> "other"));
  }
}
