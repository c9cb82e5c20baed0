package dev.monitor.agent.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages depend on one another without a cycle, and the leaves (JSON writing, the
 * log, thread naming) depend on none: read from the sources (imports and fully qualified names).
 */
class PackageCyclesTest {

  /** The agent's wiring, the core, and each library's agent side (instrumentation/<library>/). */
  static List<Path> sourceRoots() throws IOException {
    List<Path> roots = new ArrayList<>();
    roots.add(Paths.get("src", "main", "java", "dev", "monitor", "agent"));
    roots.add(Paths.get("core", "src", "main", "java", "dev", "monitor", "agent"));
    try (Stream<Path> libraries = Files.list(Paths.get("..", "instrumentation"))) {
      for (Path library : (Iterable<Path>) libraries.sorted()::iterator) {
        Path root = library.resolve(Paths.get("src", "main", "java", "dev", "monitor", "agent"));
        if (Files.isDirectory(root)) {
          roots.add(root);
        }
      }
    }
    return roots;
  }
  private static final Pattern REFERENCE = Pattern.compile("dev\\.monitor\\.agent\\.((?:[a-z][a-z0-9]*\\.)*)[A-Z]");

  static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path root : sourceRoots()) {
      addPackages(root, graph);
    }
    return graph;
  }

  private static void addPackages(Path root, Map<String, Set<String>> graph) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).collect(java.util.stream.Collectors.toList());
    }
    for (Path file : files) {
      String pkg = root.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.');
      Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        String used = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
        if (!used.equals(pkg)) {
          uses.add(used);
        }
      }
    }
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> graph = dependencies();
    assertTrue(graph.size() > 10, "read " + graph.keySet());
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      // a path back to start, found breadth first
      Map<String, String> cameFrom = new TreeMap<>();
      Deque<String> queue = new ArrayDeque<>(graph.get(start));
      for (String next : graph.get(start)) {
        cameFrom.put(next, start);
      }
      while (!queue.isEmpty()) {
        String at = queue.poll();
        if (at.equals(start)) {
          List<String> path = new ArrayList<>();
          String step = cameFrom.get(start);
          path.add(start);
          while (!step.equals(start)) {
            path.add(0, step);
            step = cameFrom.get(step);
          }
          path.add(0, start);
          cycles.add(String.join(" -> ", path));
          break;
        }
        for (String next : graph.getOrDefault(at, Set.of())) {
          if (!cameFrom.containsKey(next)) {
            cameFrom.put(next, at);
            queue.add(next);
          }
        }
      }
    }
    assertEquals(List.of(), cycles, "package cycles (\"\" is dev.monitor.agent itself)");
  }

  @Test
  void theLeavesDependOnNoOtherPackage() throws IOException {
    Map<String, Set<String>> graph = dependencies();
    for (String leaf : new String[] {"json", "log", "threads", "identity"}) {
      assertEquals(Set.of(), graph.get(leaf), leaf);
    }
  }
}
