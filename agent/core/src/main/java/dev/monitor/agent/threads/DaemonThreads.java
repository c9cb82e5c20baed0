package dev.monitor.agent.threads;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads, so the agent never keeps a JVM alive and a thread dump says whose they
 * are. A thread may be made on an application thread (an executor's worker starts when the
 * first task comes, and that can be a request's), and a new thread inherits two things from
 * the one that makes it: its context class loader and, up to JDK 23, the protection domains of
 * the code on its stack. Either would hold a web application's class loader for the thread's
 * whole life, so a webapp could never be collected after its undeploy. The agent's threads get
 * the agent's own loader, and are made in a privileged block, whose inherited context holds the
 * agent's frames only.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> create(runnable, prefix + "-" + count.incrementAndGet());
  }

  /** One daemon thread, named, with neither the caller's context class loader nor its stack's domains. */
  @SuppressWarnings("removal") // AccessController: the inherited context exists until JDK 23
  public static Thread create(Runnable runnable, String name) {
    return AccessController.doPrivileged((PrivilegedAction<Thread>) () -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      thread.setContextClassLoader(DaemonThreads.class.getClassLoader());
      return thread;
    });
  }
}
