package dev.monitor.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The library versions the build copied to {@code target/other-versions} (the pom's
 * {@code other-library-versions} list, a version a line), for tests that run one scenario on each.
 */
final class OtherVersions {

  private OtherVersions() {}

  /** The jar names {@code <prefix><version>.jar}, oldest first, without {@code except}. */
  static List<String> jars(String prefix, String... except) throws IOException {
    List<String> skip = java.util.Arrays.asList(except);
    try (Stream<Path> files = Files.list(Paths.get("target", "other-versions"))) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z]+)?\\.jar"))
          .filter(name -> !skip.contains(name))
          .sorted(java.util.Comparator.comparing(OtherVersions::versionKey))
          .collect(Collectors.toList());
    }
  }

  /** The version in a jar's name, as a sortable key: {@code jedis-5.2.0.jar} → 000005.000002.000000. */
  static String versionKey(String jar) {
    String version = jar.replaceAll(".*?-(\\d+\\.\\d+\\.\\d+)[^-]*\\.(jar|zip)", "$1");
    StringBuilder key = new StringBuilder();
    for (String part : version.split("\\.")) {
      key.append(String.format("%06d.", Integer.parseInt(part)));
    }
    return key.toString();
  }

  static String version(String jar) {
    return jar.replaceAll(".*?-(\\d+\\.\\d+\\.\\d+)[^-]*\\.(jar|zip)", "$1");
  }

  /** The server distributions {@code <prefix><version>.zip}, oldest first. */
  static List<String> zips(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(Paths.get("target", "other-versions"))) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+\\.\\d+\\.\\d+(\\.v\\d+)?\\.zip"))
          .sorted(java.util.Comparator.comparing(OtherVersions::versionKey))
          .collect(Collectors.toList());
    }
  }
}
