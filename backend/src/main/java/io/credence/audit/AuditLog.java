package io.credence.audit;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log. Appends are serialised with a transaction-scoped
 * advisory lock so the chain stays linear across threads and server instances; the database refuses
 * UPDATE, DELETE and TRUNCATE on the table.
 */
@Service
public class AuditLog {

  private static final long APPEND_LOCK = 0x4352454443415544L; // "CREDCAUD"
  private static final byte[] GENESIS = new byte[32];
  private static final int PAGE = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Appends in the caller's transaction, so the entry commits or rolls back with the change. */
  @Transactional(propagation = Propagation.REQUIRED)
  AuditEntry append(AuditEvent event) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
    Optional<Tip> tip =
        jdbc.sql("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
            .query((rs, n) -> new Tip(rs.getLong(1), rs.getBytes(2)))
            .optional();
    long seq = tip.map(t -> t.seq + 1).orElse(1L);
    byte[] prev = tip.map(t -> t.hash).orElse(GENESIS);
    Instant now = CanonicalEntry.truncate(clock.instant());
    String details = CanonicalEntry.details(event.details());
    String type = event.type().name();
    byte[] hash =
        CanonicalEntry.hash(prev, seq, now, type, event.actor(), event.subject(), details);
    jdbc.sql(
            "INSERT INTO audit_entry (seq, occurred_at, event_type, actor, subject, details,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            seq,
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
            type,
            event.actor(),
            event.subject(),
            details,
            prev,
            hash)
        .update();
    return new AuditEntry(seq, now, type, event.actor(), event.subject(), details, prev, hash);
  }

  /** Appends in a transaction of its own: for failures whose request changes nothing else. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  AuditEntry appendIndependently(AuditEvent event) {
    return append(event);
  }

  /** Recomputes every hash and link from the first entry to the last. */
  @Transactional(readOnly = true)
  public ChainVerification verifyChain() {
    byte[] prev = GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    while (true) {
      List<AuditEntry> page = page(expectedSeq - 1);
      if (page.isEmpty()) {
        return ChainVerification.intact(checked);
      }
      for (AuditEntry e : page) {
        if (e.seq() != expectedSeq) {
          return ChainVerification.broken(checked, expectedSeq, "entry is missing");
        }
        if (!MessageDigest.isEqual(e.prevHash(), prev)) {
          return ChainVerification.broken(checked, e.seq(), "previous-hash link does not match");
        }
        byte[] recomputed =
            CanonicalEntry.hash(
                prev, e.seq(), e.occurredAt(), e.type(), e.actor(), e.subject(), e.details());
        if (!MessageDigest.isEqual(recomputed, e.hash())) {
          return ChainVerification.broken(
              checked, e.seq(), "entry content does not match its hash");
        }
        prev = e.hash();
        expectedSeq++;
        checked++;
      }
    }
  }

  /** The newest entry, if any. */
  @Transactional(readOnly = true)
  public Optional<AuditEntry> head() {
    return jdbc.sql("SELECT max(seq) FROM audit_entry")
        .query(Long.class)
        .optional()
        .flatMap(seq -> entry(seq));
  }

  /** The entry at {@code seq}, if it exists. */
  @Transactional(readOnly = true)
  public Optional<AuditEntry> entry(long seq) {
    List<AuditEntry> found = page(seq - 1);
    return found.isEmpty() || found.getFirst().seq() != seq
        ? Optional.empty()
        : Optional.of(found.getFirst());
  }

  /** Entries after {@code afterSeq}, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> page(long afterSeq) {
    return jdbc.sql(
            "SELECT seq, occurred_at, event_type, actor, subject, details, prev_hash, hash"
                + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?")
        .params(afterSeq, PAGE)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getLong(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBytes(7),
                    rs.getBytes(8)))
        .list();
  }

  private record Tip(long seq, byte[] hash) {}
}
