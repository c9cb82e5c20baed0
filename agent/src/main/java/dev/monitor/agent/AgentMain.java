package dev.monitor.agent;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code Premain-Class} and {@code Agent-Class}. It first puts the bootstrap bridge on the
 * bootstrap class path (before any class that refers to it loads), then hands over to {@link
 * AgentStarter}. Nothing here may throw into the JVM: an agent that fails leaves the application
 * running unmonitored, with one line saying why.
 */
public final class AgentMain {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private AgentMain() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation, false);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation, true);
  }

  private static void start(Instrumentation instrumentation, boolean attached) {
    if (!STARTED.compareAndSet(false, true)) {
      System.err.println("[monitor] WARN the agent is attached twice; the second attach is ignored");
      return;
    }
    try {
      BootstrapJar.append(instrumentation);
      AgentStarter.start(instrumentation, attached);
    } catch (Throwable t) {
      System.err.println(
          "[monitor] WARN the agent could not start and the application runs without monitoring: " + t);
      if (Boolean.getBoolean("monitor.debug")) {
        t.printStackTrace();
      }
    }
  }
}
