package dev.monitor.agent.instrument;

import java.util.concurrent.atomic.AtomicInteger;

/** Whether one instrumentation folder is on, and how many classes it has transformed so far. */
public final class InstrumentationStatus {

  public final String name;
  public final boolean enabled;
  private final AtomicInteger transformed = new AtomicInteger();

  public InstrumentationStatus(String name, boolean enabled) {
    this.name = name;
    this.enabled = enabled;
  }

  void transformed() {
    transformed.incrementAndGet();
  }

  public int transformedClasses() {
    return transformed.get();
  }
}
