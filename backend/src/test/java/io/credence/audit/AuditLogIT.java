package io.credence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AuditLogIT {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void appendsChainEachEntryToThePreviousOne() {
    AuditEntry first =
        audit.append(new AuditEvent(AuditEventType.SIGN_IN, "p1", "evm:0x1", Map.of()));
    AuditEntry second =
        audit.append(
            new AuditEvent(AuditEventType.WALLET_LINKED, "p1", "evm:0x2", Map.of("chainId", "1")));
    assertThat(second.seq()).isEqualTo(first.seq() + 1);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(audit.verifyChain().intact()).isTrue();
  }

  @Test
  void databaseRefusesUpdateDeleteAndTruncate() {
    AuditEntry entry = audit.append(new AuditEvent(AuditEventType.SIGN_IN, "p", "s", Map.of()));
    assertThatThrownBy(
            () -> jdbc.update("UPDATE audit_entry SET actor = 'x' WHERE seq = ?", entry.seq()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = ?", entry.seq()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(
            jdbc.queryForObject(
                "SELECT actor FROM audit_entry WHERE seq = ?", String.class, entry.seq()))
        .isEqualTo("p");
  }

  @Test
  void verificationFindsAnEntryEditedBehindTheTriggersBack() {
    AuditEntry entry =
        audit.append(new AuditEvent(AuditEventType.SIGN_IN, "honest", "s", Map.of()));
    // Only the table owner can switch the trigger off; a DBA going around the log must still be
    // caught.
    tx.executeWithoutResult(
        status -> {
          jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete");
          jdbc.update("UPDATE audit_entry SET actor = 'forged' WHERE seq = ?", entry.seq());
          ChainVerification result = audit.verifyChain();
          assertThat(result.intact()).isFalse();
          assertThat(result.firstBrokenSeq()).hasValue(entry.seq());
          assertThat(result.problem()).contains("does not match its hash");
          status.setRollbackOnly(); // leave the shared database as it was
        });
    assertThat(audit.verifyChain().intact()).isTrue();
  }
}
