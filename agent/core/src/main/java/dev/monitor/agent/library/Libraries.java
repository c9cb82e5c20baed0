package dev.monitor.agent.library;

import dev.monitor.agent.config.SettingKey;
import dev.monitor.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The libraries found on the agent's class path, in the order their service files list them, and
 * what the core asks of all of them at once. A library that cannot be loaded or installed is left
 * out with one warning. Immutable after {@link #install}; safe to read from any thread.
 */
public final class Libraries {

  private final List<Library> found;
  private volatile List<Library> installed = Collections.emptyList();

  Libraries(List<Library> found) {
    this.found = found;
  }

  /** Every {@link Library} the service files of this class loader name. */
  public static Libraries load(ClassLoader loader) {
    List<Library> found = new ArrayList<>();
    Iterator<Library> it = ServiceLoader.load(Library.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        AgentLog.warn("a monitored library cannot be loaded and is left out", e);
      }
    }
    return new Libraries(found);
  }

  /** Every library's declared settings, library by library. */
  public List<SettingKey> settings() {
    List<SettingKey> keys = new ArrayList<>();
    for (Library library : found) {
      keys.addAll(library.settings());
    }
    return keys;
  }

  /** Installs each library; one that fails is left out (its advice then records nothing). */
  public void install(LibraryContext context) {
    List<Library> ok = new ArrayList<>();
    for (Library library : found) {
      try {
        long begin = System.nanoTime();
        library.install(context);
        AgentLog.debug(library.name() + " installed in " + (System.nanoTime() - begin) / 1_000 + " µs");
        ok.add(library);
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warn(library.name() + " is not monitored: it could not be installed", e);
      }
    }
    installed = Collections.unmodifiableList(ok);
  }

  /** Runs what each installed library could leave until later. */
  public void start(LibraryContext context) {
    for (Library library : installed) {
      try {
        library.start(context);
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warn(library.name() + " could not start all its metrics; what is installed goes on recording", e);
      }
    }
  }

  /** Whether some installed library serves {@code /health/<group>}. */
  public boolean hasHealthGroup(String group) {
    for (Library library : installed) {
      if (library.healthGroups().contains(group)) {
        return true;
      }
    }
    return false;
  }

  /** Every installed library's part of {@code /metrics.json}, by its key. */
  public Map<String, Object> summaries() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Library library : installed) {
      String key = library.summaryKey();
      if (key != null) {
        try {
          out.put(key, library.summary());
        } catch (RuntimeException | LinkageError e) {
          AgentLog.warnOnce("summary " + key, "cannot summarize " + library.name() + " for /metrics.json", e);
        }
      }
    }
    return out;
  }

  /** Every installed library's history series, by name. */
  public Map<String, java.util.function.Supplier<Double>> historySeries() {
    Map<String, java.util.function.Supplier<Double>> series = new LinkedHashMap<>();
    for (Library library : installed) {
      try {
        library.historySeries(series);
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warn(library.name() + " has no history series", e);
      }
    }
    return series;
  }

  /** Every installed library's history families (see {@link Library#historyFamilies}). */
  public Map<String, java.util.function.Supplier<Map<String, Double>>> historyFamilies() {
    Map<String, java.util.function.Supplier<Map<String, Double>>> families = new LinkedHashMap<>();
    for (Library library : installed) {
      try {
        library.historyFamilies(families);
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warn(library.name() + " has no history families", e);
      }
    }
    return families;
  }

  /** Every installed library's alert signals, by name. */
  public Map<String, AlertSignal> alertSignals() {
    Map<String, AlertSignal> signals = new LinkedHashMap<>();
    for (Library library : installed) {
      library.alertSignals(signals);
    }
    return signals;
  }
}
