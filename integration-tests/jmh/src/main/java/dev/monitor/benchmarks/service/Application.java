package dev.monitor.benchmarks.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An application the comparison runs under each contender: the project's demo service, and a
 * Spring Boot 4.0 application started from its own fat jar (integration-tests/spring-boot-4.0:
 * Tomcat 11, Spring MVC 7, HikariCP over H2, Lettuce). Each has a database read, a Redis read
 * and an endpoint with no I/O.
 */
enum Application {
  DEMO("the demo service (embedded Tomcat 10.1, HikariCP over H2, a Jedis pool)", "demo",
      new Endpoint("db", "/api/db/users/{id}"), new Endpoint("cache", "/api/cache/users/{id}"),
      new Endpoint("hello", "/api/hello")),
  BOOT("a Spring Boot 4.0 application from its fat jar (Tomcat 11, Spring MVC 7, HikariCP over H2, Lettuce)", "boot",
      new Endpoint("db", "/owners/{id}"), new Endpoint("cache", "/owners/{id}/cached"),
      new Endpoint("hello", "/owners/hello"));

  /** One loaded endpoint: its figures' prefix and its path, {@code {id}} standing for 1 to 100. */
  static final class Endpoint {
    final String name;
    final String template;

    Endpoint(String name, String template) {
      this.name = name;
      this.template = template;
    }

    IntFunction<String> paths() {
      return i -> template.replace("{id}", String.valueOf(Math.floorMod(i, 100) + 1));
    }

    String label() {
      return name.equals("db") ? "DB endpoint" : name.equals("cache") ? "Redis endpoint" : "no-I/O endpoint";
    }
  }

  final String title;
  final String key;
  final Endpoint[] endpoints;

  Application(String title, String key, Endpoint... endpoints) {
    this.title = title;
    this.key = key;
    this.endpoints = endpoints;
  }

  /** The path whose first 200 says the application has started. */
  String readyPath() {
    return endpoints[2].template;
  }

  /** {@code java} arguments after the JVM options: the jar and what makes it listen and find Redis. */
  List<String> launch(Settings settings, int port) {
    List<String> args = new ArrayList<>();
    if (this == DEMO) {
      args.add("-Ddemo.port=" + port);
      args.add("-Ddemo.selfTraffic=false");
      args.add("-Ddemo.redis=127.0.0.1:" + settings.redisPort);
      args.add("-jar");
      args.add(settings.demoJar.toString());
    } else {
      args.add("-jar");
      args.add(settings.bootJar.toString());
      args.add("--server.port=" + port);
      args.add("--spring.data.redis.port=" + settings.redisPort);
    }
    return args;
  }

  Path jar(Settings settings) {
    return this == DEMO ? settings.demoJar : settings.bootJar;
  }
}
