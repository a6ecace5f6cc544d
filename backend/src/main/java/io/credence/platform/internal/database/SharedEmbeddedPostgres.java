package io.credence.platform.internal.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded server per data root in this JVM, shared by every application context that asks for
 * it (test suites start several contexts) and stopped when the last of them closes.
 */
final class SharedEmbeddedPostgres {

  private static final Map<Path, Entry> servers = new HashMap<>();

  private SharedEmbeddedPostgres() {}

  /** A handle on a running server; closing the last handle stops it. */
  static final class Lease implements AutoCloseable {
    private final Path key;
    private final EmbeddedPostgres server;
    private boolean closed;

    private Lease(Path key, EmbeddedPostgres server) {
      this.key = key;
      this.server = server;
    }

    EmbeddedPostgres server() {
      return server;
    }

    @Override
    public void close() {
      synchronized (servers) {
        if (closed) {
          return;
        }
        closed = true;
        Entry entry = servers.get(key);
        if (entry != null && --entry.leases == 0) {
          servers.remove(key);
          entry.server.close();
        }
      }
    }
  }

  private static final class Entry {
    final EmbeddedPostgres server;
    int leases;

    Entry(EmbeddedPostgres server) {
      this.server = server;
    }
  }

  static Lease acquire(EmbeddedDatabaseProperties settings) {
    Path key = settings.dataRoot().toAbsolutePath().normalize();
    synchronized (servers) {
      Entry entry = servers.computeIfAbsent(key, k -> new Entry(EmbeddedPostgres.start(settings)));
      entry.leases++;
      return new Lease(key, entry.server);
    }
  }
}
