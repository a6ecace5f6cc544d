package io.credence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.support.Superuser;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class AuditLogIT {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired @FlywayDataSource DataSource ownerDataSource;

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
  void theApplicationsRoleMayOnlyReadAndAppend() {
    AuditEntry entry = audit.append(new AuditEvent(AuditEventType.SIGN_IN, "p", "s", Map.of()));
    for (String sql :
        List.of(
            "UPDATE audit_entry SET actor = 'x' WHERE seq = " + entry.seq(),
            "DELETE FROM audit_entry WHERE seq = " + entry.seq(),
            "TRUNCATE audit_entry",
            "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete",
            "SET session_replication_role = replica")) {
      assertThatThrownBy(() -> jdbc.execute(sql))
          .as(sql)
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .message()
          .containsAnyOf("permission denied", "must be owner");
    }
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("credence_app");
  }

  @Test
  void databaseRefusesUpdateDeleteAndTruncateEvenToTheOwner() {
    AuditEntry entry = audit.append(new AuditEvent(AuditEventType.SIGN_IN, "p", "s", Map.of()));
    JdbcTemplate owner = new JdbcTemplate(ownerDataSource);
    assertThatThrownBy(
            () -> owner.update("UPDATE audit_entry SET actor = 'x' WHERE seq = ?", entry.seq()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.update("DELETE FROM audit_entry WHERE seq = ?", entry.seq()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.execute("TRUNCATE audit_entry"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(
            jdbc.queryForObject(
                "SELECT actor FROM audit_entry WHERE seq = ?", String.class, entry.seq()))
        .isEqualTo("p");
  }

  @Test
  void verificationFindsAnEntryEditedBehindTheTriggersBack() throws Exception {
    AuditEntry entry =
        audit.append(new AuditEvent(AuditEventType.SIGN_IN, "honest", "s", Map.of()));
    // Only a superuser can switch the triggers off; a DBA going around the log must still be
    // caught.
    try (Superuser dba = new Superuser(ownerDataSource)) {
      var original = dba.snapshotFrom(entry.seq());
      try {
        dba.jdbc().update("UPDATE audit_entry SET actor = 'forged' WHERE seq = ?", entry.seq());
        ChainVerification result = audit.verifyChain();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).hasValue(entry.seq());
        assertThat(result.problem()).contains("does not match its hash");
      } finally {
        dba.restore(original); // leave the shared database as it was
      }
    }
    assertThat(audit.verifyChain().intact()).isTrue();
  }
}
