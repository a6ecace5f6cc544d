package io.credence.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Superuser;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 5 (monitoring part): the running server verifies the chain and reports a rewrite made
 * behind the triggers' back as a DOWN health component, a 0 gauge and an error naming the entry.
 */
@SpringBootTest
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class AuditChainMonitorIT {

  @Autowired AuditChainMonitor monitor;
  @Autowired JdbcTemplate jdbc;
  @Autowired @FlywayDataSource DataSource ownerDataSource;
  @Autowired MeterRegistry meters;

  @Test
  void aSuperuserRewriteIsReportedByHealthMetricAndLog(CapturedOutput output) throws Exception {
    assertThat(monitor.verify().intact()).isTrue();
    assertThat(monitor.health().getStatus()).isEqualTo(Status.UP);
    assertThat((String) monitor.health().getDetails().get("anchoring")).startsWith("disabled");
    assertThat(meters.get("credence.audit.chain.intact").gauge().value()).isEqualTo(1.0);
    Long newest = jdbc.queryForObject("SELECT max(seq) FROM audit_entry", Long.class);
    if (newest == null) {
      return; // nothing to tamper with yet (the suite always has entries by now)
    }
    try (Superuser dba = new Superuser(ownerDataSource)) {
      var original = dba.snapshotFrom(newest);
      try {
        dba.jdbc().update("UPDATE audit_entry SET actor = 'forged' WHERE seq = ?", newest);
        assertThat(monitor.verify().intact()).isFalse();
      } finally {
        dba.restore(original);
      }
    }
    assertThat(monitor.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(monitor.health().getDetails()).containsEntry("firstBrokenEntry", newest);
    assertThat(meters.get("credence.audit.chain.intact").gauge().value()).isZero();
    assertThat(output).contains("Audit chain broken at entry " + newest);
    assertThat(monitor.verify().intact()).as("restored").isTrue();
  }
}
