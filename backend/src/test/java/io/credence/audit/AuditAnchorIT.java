package io.credence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.internal.AuditAnchors;
import io.credence.audit.internal.AuditChainMonitor;
import io.credence.borrower.BorrowerEvents.ProfileCreated;
import io.credence.borrower.ProfileId;
import io.credence.support.AnvilNode;
import io.credence.support.Superuser;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Finding 5: a database superuser who deletes the newest entries, or rewrites the chain and
 * recomputes every hash, leaves a chain that verifies on its own — and is caught against the
 * checkpoint anchored on a real Anvil chain. Every tampering is rolled back afterwards.
 */
@SpringBootTest
class AuditAnchorIT {

  /** A chain of its own, so the anchor contract and its transactions meet no other test's. */
  private static final long ANCHOR_CHAIN = 31_399;

  /** Test-only audit key: public, never used outside tests. */
  private static final String TEST_AUDIT_KEY =
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @DynamicPropertySource
  static void anchorChain(DynamicPropertyRegistry registry) {
    AnvilNode anvil = AnvilNode.chain(ANCHOR_CHAIN); // shared per JVM, stopped when it exits
    registry.add("credence.audit.anchor.rpc-url", anvil::rpcUrl);
    registry.add("credence.audit.anchor.chain-id", () -> Long.toString(ANCHOR_CHAIN));
    registry.add("credence.audit.anchor.deploy-on-start", () -> "true");
    registry.add("credence.audit.anchor.sender-key", () -> AnvilNode.DEV_KEYS.get(0));
    registry.add("credence.audit.anchor.signing-key", () -> TEST_AUDIT_KEY);
  }

  @Autowired AuditAnchors anchors;
  @Autowired AuditLog audit;
  @Autowired ApplicationEventPublisher events;
  @Autowired @FlywayDataSource DataSource ownerDataSource;

  @Autowired AuditChainMonitor health;

  @Test
  void deletingTheNewestEntriesOrRewritingTheChainIsReportedAgainstTheAnchor() throws Exception {
    for (int i = 0; i < 3; i++) {
      events.publishEvent(new ProfileCreated(ProfileId.random()));
    }
    AuditAnchors.Checkpoint anchored = anchors.anchorNow().orElseThrow();
    assertThat(anchors.latest())
        .hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(anchored.seq()));
    assertThat(anchors.verifyAgainstLatest()).isEmpty();
    assertThat(verify().getStatus()).isEqualTo(Status.UP);
    assertThat((String) health.health().getDetails().get("anchoring")).startsWith("enabled");

    try (Superuser dba = new Superuser(ownerDataSource)) {
      var original = dba.snapshotFrom(anchored.seq() - 1);
      try {
        // A superuser deletes the two newest entries: what is left still chains correctly.
        dba.jdbc().update("DELETE FROM audit_entry WHERE seq > ?", anchored.seq() - 2);
        assertThat(audit.verifyChain().intact()).as("the chain alone cannot tell").isTrue();
        var missing = anchors.verifyAgainstLatest().orElseThrow();
        assertThat(missing.firstBrokenSeq()).isEqualTo(anchored.seq() - 1);
        assertThat(missing.problem()).contains("missing");
        assertThat(verify().getStatus()).isEqualTo(Status.DOWN);
        dba.restore(original);

        // A superuser rewrites the chain from an entry on and recomputes every hash after it.
        rewriteFrom(dba.jdbc(), anchored.seq() - 1);
        assertThat(audit.verifyChain().intact()).as("recomputed hashes verify").isTrue();
        var rewritten = anchors.verifyAgainstLatest().orElseThrow();
        assertThat(rewritten.firstBrokenSeq()).isEqualTo(anchored.seq());
        assertThat(rewritten.problem()).contains("rewritten");
        assertThat(verify().getStatus()).isEqualTo(Status.DOWN);
      } finally {
        dba.restore(original);
      }
    }

    assertThat(anchors.verifyAgainstLatest()).as("restored").isEmpty();
    assertThat(verify().getStatus()).isEqualTo(Status.UP);
  }

  private Health verify() {
    health.verify();
    return health.health();
  }

  /** Replaces every entry from {@code from} on with a forged actor and a recomputed chain. */
  private void rewriteFrom(JdbcTemplate jdbc, long from) {
    List<AuditEntry> tail = audit.page(from - 1);
    byte[] prev = audit.entry(from).orElseThrow().prevHash();
    jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", from);
    for (AuditEntry e : tail) {
      String actor = e.seq() == from ? "forged" : e.actor();
      byte[] hash =
          CanonicalEntry.hash(
              prev, e.seq(), e.occurredAt(), e.type(), actor, e.subject(), e.details());
      jdbc.update(
          "INSERT INTO audit_entry (seq, occurred_at, event_type, actor, subject, details,"
              + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          e.seq(),
          OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC),
          e.type(),
          actor,
          e.subject(),
          e.details(),
          prev,
          hash);
      prev = hash;
    }
  }
}
