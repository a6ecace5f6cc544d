package io.credence.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database superuser going around the audit log: one owner connection with triggers switched off
 * ({@code session_replication_role = replica}), autocommit, so the application sees each change.
 * {@link #snapshotFrom} and {@link #restore} put the shared test database back afterwards.
 */
public final class Superuser implements AutoCloseable {

  private final Connection connection;
  private final JdbcTemplate jdbc;

  public Superuser(DataSource owner) throws SQLException {
    connection = owner.getConnection();
    connection.setAutoCommit(true);
    jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    jdbc.execute("SET session_replication_role = replica");
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public List<Map<String, Object>> snapshotFrom(long seq) {
    return jdbc.queryForList("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq", seq);
  }

  /** Replaces every entry from the snapshot's first seq on with the snapshot. */
  public void restore(List<Map<String, Object>> snapshot) {
    if (snapshot.isEmpty()) {
      return;
    }
    jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", snapshot.getFirst().get("seq"));
    for (Map<String, Object> row : snapshot) {
      jdbc.update(
          "INSERT INTO audit_entry (seq, occurred_at, event_type, actor, subject, details,"
              + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          row.get("seq"),
          row.get("occurred_at"),
          row.get("event_type"),
          row.get("actor"),
          row.get("subject"),
          row.get("details"),
          row.get("prev_hash"),
          row.get("hash"));
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      jdbc.execute("RESET session_replication_role");
    } finally {
      connection.close();
    }
  }
}
