package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitor.it.apps.JedisTopologiesApp;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jedis as applications also use it (the newest Jedis of the test class path), against real
 * redis-servers: Jedis 8's pooled {@code RedisClient} (what {@code JedisPooled} became), a {@code JedisSentinelPool} through a real sentinel, and a
 * {@code JedisCluster} over three real masters. Each command counts once, the pool is named after
 * the server it really reaches (the master, not the sentinel), and every server reached gets its
 * health check.
 */
class JedisTopologiesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DURATION = "db_client_operation_duration_seconds";

  @Test
  void aPooledClientIsTimedAndItsPoolNamedAfterItsServer() throws Exception {
    try (Redis redis = Redis.started(); ChildJvm app = start("pooled", redis.port)) {
      assertTrue(app.outputContains("APP pooled client redis.clients.jedis.RedisClient"), "Jedis 8's RedisClient");
      assertEquals("ok 3\n", app.app("/set?n=3").body());
      assertCommands(app, 3);
      assertEquals("jedis@127.0.0.1:" + redis.port, poolNames(app).get(0), poolNames(app).toString());
      assertServerUp(app, redis.port);
    }
  }

  @Test
  void aSentinelPoolIsNamedAfterTheMasterItReaches() throws Exception {
    try (Redis master = Redis.started()) {
      int sentinelPort = freePort();
      redis.embedded.RedisSentinel sentinel =
          redis.embedded.RedisSentinel.newRedisSentinel()
              .bind("127.0.0.1").port(sentinelPort).masterPort(master.port).masterName("mymaster")
              .build();
      sentinel.start();
      try (ChildJvm app = start("sentinel", sentinelPort)) {
        assertEquals("ok 3\n", app.app("/set?n=3").body());
        assertCommands(app, 3);
        assertEquals(List.of("jedis@127.0.0.1:" + master.port), poolNames(app));
        assertServerUp(app, master.port);
        assertEquals(200, app.monitor("/health/ready").statusCode());
      } finally {
        sentinel.stop();
      }
    }
  }

  @Test
  void aClusterCountsEachCommandOnceAndChecksEveryMaster() throws Exception {
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    redis.embedded.RedisShardedCluster cluster =
        redis.embedded.RedisShardedCluster.newRedisCluster()
            .serverPorts(ports) // before the shards, which take their ports from it
            .shard("master1", 0).shard("master2", 0).shard("master3", 0)
            .build();
    cluster.start();
    awaitClusterOk(ports);
    try (ChildJvm app = start("cluster", ports.get(0))) {
      assertEquals("ok 30\n", app.app("/set?n=30").body());
      assertCommands(app, 30);
      for (int port : ports) {
        assertServerUp(app, port);
      }
      assertEquals(200, app.monitor("/health/ready").statusCode());
    } finally {
      cluster.stop();
    }
  }

  /**
   * Until every node says the cluster is OK with all three masters known: embedded-redis returns
   * once one node does, and a node still converging answers CLUSTERDOWN (seen once in CI).
   */
  static void awaitClusterOk(List<Integer> ports) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    for (int port : ports) {
      while (true) {
        String info;
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
          info = jedis.clusterInfo();
        }
        if (info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3")
            && info.contains("cluster_slots_ok:16384")) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the cluster node on " + port + " is not ready: " + info);
        }
        Thread.sleep(100);
      }
    }
  }

  static ChildJvm start(String topology, int port) throws Exception {
    return ChildJvm.builder(JedisTopologiesApp.class.getName())
        .property("redis.topology", topology)
        .property("redis.port", String.valueOf(port))
        .start();
  }

  static void assertCommands(ChildJvm app, int each) throws Exception {
    Scrape s = app.scrape();
    assertEquals(each, s.sum(DURATION + "_count", "db_system_name", "redis", "db_operation_name", "SET"), s.text);
    assertEquals(each, s.sum(DURATION + "_count", "db_system_name", "redis", "db_operation_name", "GET"), s.text);
  }

  static List<String> poolNames(ChildJvm app) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode pool : JSON.readTree(app.monitor("/metrics.json").body()).get("redis").get("pools")) {
      names.add(pool.get("name").asText());
    }
    return names;
  }

  static void assertServerUp(ChildJvm app, int port) throws Exception {
    JsonNode checks = JSON.readTree(app.monitor("/health/redis").body()).get("checks");
    JsonNode check = checks.get("redis:127.0.0.1:" + port);
    assertTrue(check != null, "a check for the server on " + port + " in " + checks);
    assertEquals("UP", check.get("status").asText(), check.toString());
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
