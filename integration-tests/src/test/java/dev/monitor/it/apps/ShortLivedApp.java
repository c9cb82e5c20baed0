package dev.monitor.it.apps;

/** An application whose main returns at once: the JVM must then exit, agent or not. */
public final class ShortLivedApp {

  private ShortLivedApp() {}

  public static void main(String[] args) {
    System.out.println("READY http://localhost:1");
  }
}
