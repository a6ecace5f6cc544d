package io.credence.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: RFC 4180 quoting, and no formula a spreadsheet would run. */
class AuditLogExportTest {

  @Test
  void cellsAttackersCouldMakeSpreadsheetsRunAreNeutralised() {
    assertThat(AuditLogExport.cell("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"");
    assertThat(AuditLogExport.cell("+1+1")).isEqualTo("\"'+1+1\"");
    assertThat(AuditLogExport.cell("-2+3")).isEqualTo("\"'-2+3\"");
    assertThat(AuditLogExport.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(AuditLogExport.cell("\t=1")).isEqualTo("\"'\t=1\"");
    assertThat(AuditLogExport.cell("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() {
    assertThat(AuditLogExport.cell("{\"a\":\"1\",\"b\":\"2\"}"))
        .isEqualTo("\"{\"\"a\"\":\"\"1\"\",\"\"b\"\":\"\"2\"\"}\"");
    assertThat(AuditLogExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(AuditLogExport.cell("plain")).isEqualTo("plain");
    assertThat(AuditLogExport.cell(null)).isEmpty();
    assertThat(AuditLogExport.cell("")).isEmpty();
  }
}
