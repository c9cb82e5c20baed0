package dev.monitor.agent.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.monitor.agent.config.HttpServerSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static Request request(String method, String path, String... headers) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return Request.of(method, path, map);
  }

  private static int status(AccessPolicy policy, Request request) {
    Response refused = policy.refuse(request);
    return refused == null ? 200 : refused.status;
  }

  @Test
  void aTokenIsNeededOnEveryPathButTheExemptOnes() {
    AccessPolicy policy =
        new AccessPolicy(
            HttpServerSettings.of("0.0.0.0", 0).withToken("s3cret-token-0123456789", Set.of("/health/live")),
            false);
    assertEquals(401, status(policy, request("GET", "/metrics")));
    assertEquals(401, status(policy, request("GET", "/metrics", "authorization", "Bearer wrong")));
    assertEquals(401, status(policy, request("GET", "/metrics", "authorization", "Basic czNjcmV0")));
    assertEquals(401, status(policy, request("GET", "/health/ready")));
    assertEquals(200, status(policy, request("GET", "/metrics", "authorization", "Bearer s3cret-token-0123456789")));
    assertEquals(200, status(policy, request("GET", "/metrics", "authorization", "bearer  s3cret-token-0123456789 ")));
    assertEquals(200, status(policy, request("GET", "/health/live")));
    assertEquals(200, status(policy, request("OPTIONS", "/")));
    assertEquals("Bearer realm=\"monitor\"", policy.refuse(request("GET", "/health")).headers.get("WWW-Authenticate"));
  }

  @Test
  void onLoopbackOnlyIpLiteralsLocalhostAndNamedHostsAreServed() {
    HttpServerSettings settings = HttpServerSettings.of("127.0.0.1", 0);
    AccessPolicy policy = new AccessPolicy(settings, true);
    assertEquals(200, status(policy, request("GET", "/metrics", "host", "127.0.0.1:9464")));
    assertEquals(200, status(policy, request("GET", "/metrics", "host", "localhost:9464")));
    assertEquals(200, status(policy, request("GET", "/metrics", "host", "LOCALHOST.")));
    assertEquals(200, status(policy, request("GET", "/metrics", "host", "[::1]:9464")));
    assertEquals(200, status(policy, request("GET", "/metrics")));
    assertEquals(403, status(policy, request("GET", "/metrics", "host", "attacker.example:9464")));
    assertEquals(403, status(policy, request("GET", "/metrics", "host", "127.0.0.1.attacker.example")));
    assertEquals(403, status(policy, request("GET", "/metrics", "host", "[evil]:9464")));
    // bound to every interface, the Host is whatever name the network gives the pod
    assertEquals(200, status(new AccessPolicy(settings, false), request("GET", "/metrics", "host", "orders-7f9c:9464")));
  }
}
