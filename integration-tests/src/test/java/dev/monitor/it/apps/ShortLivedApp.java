package dev.monitor.it.apps;

/**
 * An application whose main returns at once (or after {@code shortLived.ms}, so the agent's
 * endpoints, which start in the background, are up first): the JVM must then exit, agent or not.
 */
public final class ShortLivedApp {

  private ShortLivedApp() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("READY http://localhost:1");
    Thread.sleep(Long.getLong("shortLived.ms", 0));
  }
}
