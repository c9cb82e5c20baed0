package dev.monitor.agent.instrument;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * True for a class loader that can see every landmark class of an instrumentation module (a
 * landmark written {@code a.B|c.B} is seen when either class is). The
 * answer is a resource look-up (nothing is loaded) and is cached per class loader, weakly, so
 * web application class loaders can still be collected. Thread-safe.
 */
final class LandmarkMatcher extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  /** Each landmark's alternatives, as resource names. */
  private final List<String[]> resources;
  private final Map<ClassLoader, Boolean> cache = Collections.synchronizedMap(new WeakHashMap<>());

  LandmarkMatcher(List<String> classNames) {
    this.resources = new java.util.ArrayList<>();
    for (String landmark : classNames) {
      String[] alternatives = landmark.split("\\|");
      for (int i = 0; i < alternatives.length; i++) {
        alternatives[i] = alternatives[i].replace('.', '/') + ".class";
      }
      resources.add(alternatives);
    }
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false; // the bootstrap loader holds no library we instrument
    }
    Boolean known = cache.get(loader);
    if (known == null) {
      known = Boolean.TRUE;
      for (String[] alternatives : resources) {
        if (!anyVisible(loader, alternatives)) {
          known = Boolean.FALSE;
          break;
        }
      }
      cache.put(loader, known);
    }
    return known;
  }

  private static boolean anyVisible(ClassLoader loader, String[] resources) {
    for (String resource : resources) {
      if (loader.getResource(resource) != null) {
        return true;
      }
    }
    return false;
  }
}
