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
}
