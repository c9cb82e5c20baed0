package dev.monitor.demo;

/**
 * Java functions the demo's (and the tests') H2 databases call by alias. Public because H2 calls
 * them by reflection; {@code Thread.sleep} itself cannot be aliased since Java 19 added an
 * overload with the same parameter count.
 */
public final class DbFunctions {

  private DbFunctions() {}

  /** Sleeps inside the database, to make a query slow on purpose. */
  public static void sleepMs(long ms) throws InterruptedException {
    Thread.sleep(ms);
  }
}
