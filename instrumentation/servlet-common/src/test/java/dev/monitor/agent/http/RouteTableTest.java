package dev.monitor.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RouteTableTest {

  final RouteTable routes = new RouteTable(100);

  String raw(String path) {
    return routes.resolve("", path, true);
  }

  @Test
  void idLikeSegmentsBecomeTemplates() {
    assertEquals("/api/users/{id}", raw("/api/users/123"));
    assertEquals("/api/users/{id}/orders/{id}", raw("/api/users/9/orders/550e8400-e29b-41d4-a716-446655440000"));
    assertEquals("/files/{id}", raw("/files/5f2b3c4d5e6f7a8b9c0d"));
    assertEquals("/api/users/me", raw("/api/users/me"));
    assertEquals("/api/v2/items", raw("/api/v2/items"));
    // a long word made only of hex letters is not an id: it has no digit
    assertEquals("/feed/acceptedfacadebeef", raw("/feed/acceptedfacadebeef"));
    assertEquals("/", raw(""));
    assertEquals("/", raw("/"));
  }

  @Test
  void personalDataAndTokensNeverBecomeARoute() {
    assertEquals("/api/users/{id}", raw("/api/users/alice@example.com"));
    assertEquals("/api/users/{id}", raw("/api/users/alice%40example.com"));
    assertEquals("/reset/{id}", raw("/reset/token=eyJhbGciOiJIUzI1NiJ9"));
    assertEquals("/s/{id}", raw("/s/dGhpcyBpcyBhIHRva2Vu"));
    assertEquals("/s/{id}", raw("/s/" + "abcdefghij".repeat(4)));
    assertEquals("/orders/{id}/lines", raw("/orders/ORD2024x77/lines"));
    assertEquals("/users/{id}", raw("/users/j.doe+shop"));
    assertEquals("/users/{id}", raw("/users/o'brien"));
    assertEquals("/users/{id}", raw("/users/m\u00fcller"));
    assertEquals("/items/{id}", raw("/items/a1:b2"));
    // plain words stay, digits included when short
    assertEquals("/api/v2/oauth2/sha256/report.csv", raw("/api/v2/oauth2/sha256/report.csv"));
    assertEquals("/api/getAccountDetails", raw("/api/getAccountDetails"));
    assertEquals("/api/users/alice", raw("/api/users/alice"));
    assertEquals("/static/app-main_v3.min.js", raw("/static/app-main_v3.min.js"));
  }

  @Test
  void pathParametersAreDropped() {
    assertEquals("/cart/{id}", raw("/cart/77;jsessionid=ABCDEF0123"));
    assertEquals("/cart", raw("/cart;jsessionid=ABCDEF0123"));
  }

  @Test
  void sameTemplateIsOneInstance() {
    String first = raw("/api/users/1");
    assertSame(first, raw("/api/users/2"));
    assertSame(first, raw("/api/users/" + Long.MAX_VALUE));
  }

  @Test
  void frameworkTemplatesAreKeptWithTheContextPath() {
    assertEquals("/shop/api/users/{userId}", routes.resolve("/shop", "/api/users/{userId}", false));
    assertEquals("/shop/items/123", routes.resolve("/shop", "/items/123", false));
  }

  @Test
  void pastTheLimitNewRoutesAreOther() {
    RouteTable small = new RouteTable(3);
    assertEquals("/a", small.resolve("", "/a", true));
    assertEquals("/b", small.resolve("", "/b", true));
    assertEquals("/c", small.resolve("", "/c", true));
    assertEquals("other", small.resolve("", "/d", true));
    assertEquals("/a", small.resolve("", "/a", true));
  }

  @Test
  void manyRoutesGrowTheTable() {
    for (int i = 0; i < 90; i++) {
      assertEquals("/r" + (char) ('a' + i % 26) + "/x" + i / 26 + "y", raw("/r" + (char) ('a' + i % 26) + "/x" + i / 26 + "y"));
    }
    assertEquals("/ra/x0y", raw("/ra/x0y"));
  }

  /** The second ask of a path is answered by the thread's recent routes: the same answer. */
  @Test
  void aPathAskedAgainGetsTheSameRouteFromTheThreadsRecentOnes() {
    String[] paths = {"/api/users/7", "/api/hello", "/users/alice@example.com", "/cart;jsessionid=AB12", "/"};
    String[] first = new String[paths.length];
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < paths.length; i++) {
        String route = raw(new String(paths[i])); // a new string each time, as a container gives
        if (round == 0) {
          first[i] = route;
        } else {
          assertSame(first[i], route, paths[i]);
        }
      }
    }
    assertEquals("/users/{id}", first[2]);
    // the same text as a framework's template is kept as it is, and as a raw path normalized;
    // neither answer is taken for the other, whichever came first
    assertEquals("/api/users/7", routes.resolve("", "/api/users/7", false));
    assertEquals("/api/users/{id}", raw("/api/users/7"));
    assertEquals("/api/users/7", routes.resolve("", "/api/users/7", false));
    // and a context path is part of the key
    assertEquals("/shop/api/users/{id}", routes.resolve("/shop", "/api/users/7", true));
    assertEquals("/blog/api/users/{id}", routes.resolve("/blog", "/api/users/7", true));
    assertEquals("/api/users/{id}", raw("/api/users/7"));
  }

  /** Every slot collision overwrites; answers stay right when many paths share the slots. */
  @Test
  void manyPathsOverwritingEachOtherStillResolveRight() {
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 500; i++) {
        assertEquals(i % 2 == 0 ? "/n/{id}" : "/w/word" + (char) ('a' + i % 26), raw(i % 2 == 0 ? "/n/" + i : "/w/word" + (char) ('a' + i % 26)));
      }
    }
  }

  /** Ids at the end of a path seen lately answer from the rest of it; anything else is walked. */
  @Test
  void anIdAtTheEndOfAKnownRestTakesItsRoute() {
    String first = raw("/api/users/7");
    for (int id = 0; id < 200; id++) {
      assertSame(first, raw("/api/users/" + id));
    }
    assertEquals("/api/users/me", raw("/api/users/me"), "a word at the end is not an id");
    assertEquals("/api/users/{id}/orders", raw("/api/users/8/orders"));
    assertEquals("/api/users/{id}/orders/{id}", raw("/api/users/8/orders/3"));
    assertEquals("/api/users/{id}/orders/{id}", raw("/api/users/9/orders/4"));
    assertEquals("/cart/{id}", raw("/cart/77;jsessionid=ABCDEF0123"));
    assertEquals("/{id}", raw("/42"));
    assertEquals("/{id}", raw("/43"));
    assertEquals("/api/users/", raw("/api/users/"));
    assertEquals("/shop/api/users/{id}", routes.resolve("/shop", "/api/users/5", true));
    assertEquals("/blog/api/users/{id}", routes.resolve("/blog", "/api/users/6", true));
    assertEquals("/api/users/{id}", raw("/api/users/alice@example.com"));
    // a framework's template is never taken from the raw paths' rest
    assertEquals("/api/users/12", routes.resolve("", "/api/users/12", false));
  }
}
