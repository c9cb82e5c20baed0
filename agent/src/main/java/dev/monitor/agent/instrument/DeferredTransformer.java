package dev.monitor.agent.instrument;

import dev.monitor.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The transformer premain registers at once, while Byte Buddy's is made on another thread.
 * Preparing Byte Buddy (about 1,200 classes loaded and run for the first time) took some 300 ms
 * of premain, during which the application could not start. Now the application starts at once:
 * every class it loads is checked by name and by {@link ClassFileMarkers} here, and the great
 * majority, which mention no instrumented API, load unchanged without waiting. A class that may
 * be instrumented waits until Byte Buddy's transformer is ready, then goes through it, so no
 * class is ever missed. Safe by construction: the preparing thread's own class loads never wait
 * (it loads only Byte Buddy and the agent, which are ignored by name anyway); a wait is bounded by
 * {@link #MAX_WAIT_SECONDS}, after which the class loads unchanged with one warning; if
 * preparing fails, every class loads unchanged.
 */
final class DeferredTransformer implements ClassFileTransformer {

  static final long MAX_WAIT_SECONDS = 30;

  /** Internal-name prefixes never instrumented: the JDK's and the agent's own classes. */
  private static final String[] IGNORED = {
    "java/", "javax/management/", "jdk/", "sun/", "com/sun/",
    "dev/monitor/agent/", "dev/monitor/bootstrap/", "dev/monitor/instrumentation/", "dev/monitor/shaded/",
    "net/bytebuddy/"
  };

  private final ClassFileMarkers markers;
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile ClassFileTransformer delegate;
  private volatile Thread preparing;
  private volatile boolean warnedLate;

  DeferredTransformer(ClassFileMarkers markers) {
    this.markers = markers;
  }

  /** The thread that makes the real transformer: its own class loads pass unchanged, never wait. */
  void preparingOn(Thread thread) {
    this.preparing = thread;
  }

  /** The real transformer is ready; waiting classes go through it. */
  void ready(ClassFileTransformer transformer) {
    this.delegate = transformer;
    settled.countDown();
  }

  /** Making the real transformer failed: nothing waits any longer, everything loads unchanged. */
  void failed() {
    settled.countDown();
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (name == null || ignored(name) || !markers.mayMatch(name, bytes)) {
      return null;
    }
    ClassFileTransformer transformer = delegate;
    if (transformer == null) {
      if (Thread.currentThread() == preparing) {
        return null;
      }
      transformer = await(name);
      if (transformer == null) {
        return null;
      }
    }
    try {
      return transformer.transform(module, loader, name, redefined, domain, bytes);
    } catch (Throwable e) {
      // Byte Buddy reports its own failures to the listener; anything else must not reach the JVM
      AgentLog.debug("left " + name + " untransformed: " + e);
      return null;
    }
  }

  static boolean ignored(String internalName) {
    for (String prefix : IGNORED) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private ClassFileTransformer await(String name) {
    if (warnedLate) {
      return delegate; // waited once in vain: later classes do not wait again
    }
    try {
      if (!settled.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS) && !warnedLate) {
        warnedLate = true;
        AgentLog.warn("instrumentation was not ready after " + MAX_WAIT_SECONDS + " s; " + name.replace('/', '.')
            + " and the classes after it load without it until it is");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return delegate;
  }
}
