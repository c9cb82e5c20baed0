package dev.monitor.agent.jdbc;

/**
 * What a connection pool says about itself, read on the reader side (scrape, health) from the
 * pool object. A figure the pool does not expose is {@code -1}; the agent then reports its own
 * count from the connections it saw being acquired and closed. Implementations call the pool
 * by reflection, so they never load a pool class into the agent; each call may throw.
 */
interface PoolView {

  /** The library ("hikaricp", "dbcp2", "tomcat-jdbc", "c3p0") or "unknown". */
  String kind();

  /** The pool's own name, or null when it has none. */
  String name() throws Exception;

  /** Whether a pool without a name gets one when it starts (HikariCP's {@code HikariPool-N}). */
  default boolean namedOnStart() {
    return false;
  }

  int idle() throws Exception;

  int used() throws Exception;

  int max() throws Exception;

  int pending() throws Exception;

  /** True once the application closed the pool; the agent then forgets it. */
  boolean closed() throws Exception;

  /** The view of a data source the agent does not know: nothing beyond what the agent counts. */
  PoolView UNKNOWN =
      new PoolView() {
        @Override
        public String kind() {
          return "unknown";
        }

        @Override
        public String name() {
          return null;
        }

        @Override
        public int idle() {
          return -1;
        }

        @Override
        public int used() {
          return -1;
        }

        @Override
        public int max() {
          return -1;
        }

        @Override
        public int pending() {
          return -1;
        }

        @Override
        public boolean closed() {
          return false;
        }
      };
}
