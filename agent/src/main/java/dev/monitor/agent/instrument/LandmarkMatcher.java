package dev.monitor.agent.instrument;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * True for a class loader that can see every landmark class of an instrumentation module. The
 * answer is a resource look-up (nothing is loaded) and is cached per class loader, weakly, so
 * web application class loaders can still be collected. Thread-safe.
 */
final class LandmarkMatcher extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  private final List<String> resources;
  private final Map<ClassLoader, Boolean> cache = Collections.synchronizedMap(new WeakHashMap<>());

  LandmarkMatcher(List<String> classNames) {
    String[] names = new String[classNames.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = classNames.get(i).replace('.', '/') + ".class";
    }
    this.resources = java.util.Arrays.asList(names);
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false; // the bootstrap loader holds no library we instrument
    }
    Boolean known = cache.get(loader);
    if (known == null) {
      known = Boolean.TRUE;
      for (String resource : resources) {
        if (loader.getResource(resource) == null) {
          known = Boolean.FALSE;
          break;
        }
      }
      cache.put(loader, known);
    }
    return known;
  }
}
