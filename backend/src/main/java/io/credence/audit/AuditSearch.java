package io.credence.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log by filter, for compliance officers (issue 11): a page at a time, newest
 * first, or every matching entry oldest first for an export. Read-only: nothing here can change the
 * log.
 */
@Service
public class AuditSearch {

  /** Rows fetched per round trip while exporting. */
  private static final int EXPORT_BATCH = 1000;

  private static final RowMapper<AuditEntry> ENTRY =
      (rs, n) ->
          new AuditEntry(
              rs.getLong("seq"),
              rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
              rs.getString("event_type"),
              rs.getString("actor"),
              rs.getString("subject"),
              rs.getString("details"),
              rs.getBytes("prev_hash"),
              rs.getBytes("hash"));

  private final JdbcClient jdbc;

  AuditSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page of matching entries, newest first.
   *
   * @param page 0-based
   * @param size entries per page, at least 1 (callers cap it)
   */
  @Transactional(readOnly = true)
  public AuditPage search(AuditFilter filter, int page, int size) {
    Where where = where(filter);
    long total =
        jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + where.sql)
            .params(where.params)
            .query(Long.class)
            .single();
    List<Object> params = new ArrayList<>(where.params);
    params.add(size);
    params.add((long) page * size);
    List<AuditEntry> entries =
        jdbc.sql(
                "SELECT * FROM audit_entry WHERE "
                    + where.sql
                    + " ORDER BY seq DESC LIMIT ? OFFSET ?")
            .params(params)
            .query(ENTRY)
            .list();
    return new AuditPage(entries, page, size, total);
  }

  /** Hands every matching entry to {@code sink}, oldest first, a batch at a time. */
  @Transactional(readOnly = true)
  public void forEach(AuditFilter filter, Consumer<AuditEntry> sink) {
    Where where = where(filter);
    long after = 0;
    while (true) {
      List<Object> params = new ArrayList<>(where.params);
      params.add(after);
      params.add(EXPORT_BATCH);
      List<AuditEntry> batch =
          jdbc.sql(
                  "SELECT * FROM audit_entry WHERE "
                      + where.sql
                      + " AND seq > ? ORDER BY seq LIMIT ?")
              .params(params)
              .query(ENTRY)
              .list();
      batch.forEach(sink);
      if (batch.size() < EXPORT_BATCH) {
        return;
      }
      after = batch.getLast().seq();
    }
  }

  private static Where where(AuditFilter f) {
    StringBuilder sql = new StringBuilder("TRUE");
    List<Object> params = new ArrayList<>();
    if (f.from() != null) {
      sql.append(" AND occurred_at >= ?");
      params.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
    }
    if (f.to() != null) {
      sql.append(" AND occurred_at < ?");
      params.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
    }
    if (f.action() != null) {
      sql.append(" AND event_type = ?");
      params.add(f.action());
    }
    if (f.actor() != null) {
      sql.append(" AND actor = ?");
      params.add(f.actor());
    }
    // Details are canonical JSON objects of strings; a row that is not (only a tampered one) never
    // matches a detail filter instead of failing the whole query.
    String detail =
        "(CASE WHEN pg_input_is_valid(details, 'jsonb') THEN details::jsonb ->> '%s' END)";
    if (f.attestationUid() != null) {
      // The attestation's own entries (subject "attestation:<uid>", or a "uid" detail) and the
      // score run it committed to (the "score:<id>" its issue entry names): the trail from the
      // score to every mint, revocation and verification.
      String uid = f.attestationUid().toLowerCase(Locale.ROOT);
      String scoreIdDetail = detail.formatted("scoreId");
      sql.append(" AND (lower(subject) IN (?, ?) OR lower(")
          .append(detail.formatted("uid"))
          .append(") = ? OR subject IN (SELECT 'score:' || ")
          .append(scoreIdDetail)
          .append(" FROM audit_entry WHERE lower(subject) = ? AND ")
          .append(scoreIdDetail)
          .append(" IS NOT NULL))");
      params.add(uid);
      params.add("attestation:" + uid);
      params.add(uid);
      params.add("attestation:" + uid);
    }
    if (f.modelId() != null) {
      // Scores name the model in bare hex, attestations with 0x: either matches.
      String bare = f.modelId().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
      sql.append(" AND regexp_replace(lower(")
          .append(detail.formatted("modelId"))
          .append("), '^0x', '') = ?");
      params.add(bare);
    }
    return new Where(sql.toString(), params);
  }

  private record Where(String sql, List<Object> params) {}
}
