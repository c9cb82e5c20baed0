package dev.monitor.it.springboot;

import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /owners/{id}} from the database, {@code /owners/{id}/cached} through Redis,
 * {@code /owners/hello} without I/O; {@code /oups} fails.
 */
@RestController
@RequestMapping("/owners")
public class OwnerController {

  private final JdbcTemplate jdbc;
  private final StringRedisTemplate redis;

  OwnerController(JdbcTemplate jdbc, StringRedisTemplate redis) {
    this.jdbc = jdbc;
    this.redis = redis;
    jdbc.execute("CREATE TABLE IF NOT EXISTS owners (id INT PRIMARY KEY, name VARCHAR(80))");
    // one statement: owners 1 to 3 by name, and 4 to 100 for the overhead comparison's load
    StringBuilder values = new StringBuilder("(1, 'George'), (2, 'Betty'), (3, 'Eduardo')");
    for (int id = 4; id <= 100; id++) {
      values.append(", (").append(id).append(", 'owner-").append(id).append("')");
    }
    jdbc.update("MERGE INTO owners (id, name) KEY (id) VALUES " + values);
  }

  /** No I/O: the overhead comparison's third endpoint. */
  @GetMapping("/hello")
  String hello() {
    return "hello";
  }

  @GetMapping("/{id}")
  Map<String, Object> owner(@PathVariable int id) {
    return jdbc.queryForMap("SELECT id, name FROM owners WHERE id = ?", id);
  }

  @GetMapping("/{id}/cached")
  String cached(@PathVariable int id) {
    String key = "owner:" + id;
    String name = redis.opsForValue().get(key);
    if (name == null) {
      name = jdbc.queryForObject("SELECT name FROM owners WHERE id = ?", String.class, id);
      redis.opsForValue().set(key, name);
    }
    return name;
  }
}
