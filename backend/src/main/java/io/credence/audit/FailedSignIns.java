package io.credence.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per client and minute (in PostgreSQL, so all instances share the count)
 * and, once a minute is over, records the ones beyond the first as a single audit entry.
 */
@Component
class FailedSignIns {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog log;

  FailedSignIns(JdbcClient jdbc, Clock clock, AuditLog log) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.log = log;
  }

  /** Counts one failure; true when it is the client's first in this minute. */
  boolean countAndIsFirst(String client) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    int hits =
        jdbc.sql(
                """
                INSERT INTO audit_failure_tally (client, minute, hits) VALUES (?, ?, 1)
                ON CONFLICT (client, minute) DO UPDATE SET hits = audit_failure_tally.hits + 1
                RETURNING hits
                """)
            .params(client, OffsetDateTime.ofInstant(minute, ZoneOffset.UTC))
            .query(Integer.class)
            .single();
    return hits == 1;
  }

  /**
   * Writes one entry per client for each minute that is over and had more than one failure. The
   * tally rows are deleted in the same transaction, so each minute is recorded exactly once even
   * with several instances.
   */
  @Scheduled(fixedDelayString = "${credence.audit.failed-sign-in-flush:PT30S}")
  @Transactional
  public void flush() {
    Instant currentMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    var done =
        jdbc.sql(
                "DELETE FROM audit_failure_tally WHERE minute < ?"
                    + " RETURNING client, minute, hits")
            .param(OffsetDateTime.ofInstant(currentMinute, ZoneOffset.UTC))
            .query(
                (rs, n) ->
                    new Tally(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getInt(3)))
            .list();
    done.stream()
        .filter(t -> t.hits > 1)
        .sorted(java.util.Comparator.comparing(Tally::minute).thenComparing(Tally::client))
        .forEach(
            t ->
                log.append(
                    new AuditEvent(
                        AuditEventType.SIGN_IN_FAILED_REPEATED,
                        "anonymous",
                        null,
                        Map.of(
                            "client",
                            t.client,
                            "minute",
                            t.minute.toString(),
                            "count",
                            Integer.toString(t.hits - 1)))));
  }

  private record Tally(String client, Instant minute, int hits) {}
}
