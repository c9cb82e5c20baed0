package dev.monitor.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monitor.agent.library.Libraries;
import dev.monitor.instrumentation.api.InstrumentationModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** README.md's settings table is the one {@link SettingsTable} generates, row for row. */
class SettingsTableTest {

  static List<String> instrumentationNames() {
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : ServiceLoader.load(InstrumentationModule.class)) {
      names.add(module.name());
    }
    return names;
  }

  static List<SettingKey> librarySettings() {
    return Libraries.load(SettingsTableTest.class.getClassLoader()).settings();
  }

  @Test
  void theReadmesTableIsTheGeneratedOne() throws Exception {
    String readme = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
    int start = readme.indexOf("| key | default | meaning |\n");
    assertTrue(start >= 0, "README.md has no settings table");
    int end = readme.indexOf("\n\n", start);
    String expected = SettingsTable.markdown(instrumentationNames(), librarySettings());
    assertEquals(
        expected,
        readme.substring(start, end + 1),
        "README.md's settings table differs from SettingsTable; replace it with:\n" + expected);
  }

  @Test
  void everyKeyIsDeclaredOnceAndEveryDefaultIsValid() {
    Set<String> keys = new HashSet<>();
    for (SettingKey setting : SettingsTable.with(librarySettings())) {
      assertTrue(keys.add(setting.key), "declared twice: " + setting.key);
      if (setting.kind == SettingKey.Kind.CHOICE) {
        assertTrue(setting.choices.contains(setting.fallback), setting.key);
      }
      if (setting.kind == SettingKey.Kind.INTEGER) {
        int fallback = (Integer) setting.fallback;
        assertTrue(fallback >= setting.min && fallback <= setting.max, setting.key);
      }
    }
    assertEquals(8, instrumentationNames().size(), "the instrumentation modules on the agent's class path");
    assertEquals(1, librarySettings().size(), "the libraries' own settings");
  }
}
