package io.credence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.internal.AuditAnchors;
import io.credence.audit.internal.AuditChainMonitor;
import io.credence.borrower.BorrowerEvents.ProfileCreated;
import io.credence.borrower.ProfileId;
import io.credence.demo.DemoAccounts;
import io.credence.demo.DemoAuditAnchor;
import io.credence.support.DemoNetwork;
import io.credence.support.Superuser;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
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
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * Finding 5: a database superuser who deletes the newest entries, or rewrites the chain and
 * recomputes every hash, leaves a chain that verifies on its own — and is caught against the
 * checkpoint anchored on a real Anvil chain. Every tampering is rolled back afterwards.
 *
 * <p>The server runs with the default run's demo configuration (the shared {@link DemoNetwork}), so
 * this is also the test that the demo anchors on chain 31337 by default: into the anchor contract
 * the demo deployed, paid by its own sender (account 10), signed by the local-demo audit key
 * (account 11), every 20 entries.
 */
@SpringBootTest
class AuditAnchorIT {

  @DynamicPropertySource
  static void demoConfiguration(DynamicPropertyRegistry registry) {
    DemoNetwork.shared().registerProperties(registry); // chains, keys and audit anchoring
  }

  @Autowired AuditAnchors anchors;
  @Autowired AuditLog audit;
  @Autowired ApplicationEventPublisher events;
  @Autowired @FlywayDataSource DataSource ownerDataSource;

  @Autowired AuditChainMonitor health;

  @Test
  void theDemoConfigurationAnchorsEveryTwentyEntriesOnChain31337() throws Exception {
    DemoAuditAnchor demo = DemoNetwork.shared().auditAnchor();
    assertThat(demo.chainId()).isEqualTo(DemoNetwork.CHAIN_A);
    assertThat(anchors.enabled()).isTrue();
    assertThat(anchors.chainId()).hasValue(DemoNetwork.CHAIN_A);
    assertThat(anchors.contract()).hasValue(demo.contract());
    assertThat(anchors.signerAddress())
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .isEqualToIgnoringCase(DemoAccounts.address(DemoAccounts.AUDIT_SIGNER)));

    events.publishEvent(new ProfileCreated(ProfileId.random()));
    anchors.anchorNow(); // the baseline: nothing is due right after an anchor
    for (int i = 0; i < 19; i++) {
      events.publishEvent(new ProfileCreated(ProfileId.random()));
    }
    events.publishEvent(new ProfileCreated(ProfileId.random()));
    long head = audit.head().orElseThrow().seq();
    AuditAnchors.Checkpoint due = anchors.anchorIfDue().orElseThrow(); // 20 entries: due
    assertThat(due.seq()).isGreaterThanOrEqualTo(head); // (another context may have appended)
    assertThat(anchors.anchorIfDue()).as("nothing new since").isEmpty();

    // On chain 31337, read without the server: the anchor contract's newest log is the checkpoint,
    // sent by the demo's anchor sender, not by the relayer or the issuer.
    var web3j = DemoNetwork.shared().web3j(DemoNetwork.CHAIN_A);
    EthLog logs =
        web3j
            .ethGetLogs(
                new EthFilter(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(demo.deployedInBlock())),
                    DefaultBlockParameterName.LATEST,
                    demo.contract()))
            .send();
    var newest = (EthLog.LogObject) logs.getLogs().getLast();
    ByteBuffer data = ByteBuffer.wrap(HexFormat.of().parseHex(newest.getData().substring(2)));
    assertThat(data.remaining()).isEqualTo(109);
    assertThat(new String(data.array(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("CRDA");
    assertThat(data.getLong(4)).isEqualTo(due.seq());
    assertThat(java.util.Arrays.copyOfRange(data.array(), 12, 44))
        .isEqualTo(audit.entry(due.seq()).orElseThrow().hash());
    var tx = web3j.ethGetTransactionByHash(newest.getTransactionHash()).send().getResult();
    assertThat(tx.getFrom())
        .isEqualToIgnoringCase(DemoAccounts.address(DemoAccounts.AUDIT_ANCHOR_SENDER));

    // The server reads it back, checks the audit key's signature and compares it at once.
    assertThat(anchors.latest()).hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(due.seq()));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails())
        .containsEntry("latestAnchor", "entry " + due.seq() + ": verified");
    assertThat((String) health.health().getDetails().get("anchoring"))
        .startsWith("enabled, chain 31337, contract " + demo.contract());
  }

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
