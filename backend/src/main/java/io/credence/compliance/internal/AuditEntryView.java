package io.credence.compliance.internal;

import io.credence.audit.AuditEntry;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry as the compliance API shows it: hashes in hex, details as the JSON object they are
 * (or, for an entry whose details are not JSON — only a tampered one — the raw text).
 *
 * @param detailsText the stored details exactly as hashed, so the chain can be recomputed
 */
public record AuditEntryView(
    long seq,
    Instant occurredAt,
    String type,
    String actor,
    String subject,
    JsonNode details,
    String detailsText,
    String prevHash,
    String hash) {

  public static AuditEntryView of(AuditEntry e, JsonMapper json) {
    JsonNode details;
    try {
      details = json.readTree(e.details());
    } catch (RuntimeException notJson) {
      details = null;
    }
    return new AuditEntryView(
        e.seq(),
        e.occurredAt(),
        e.type(),
        e.actor(),
        e.subject(),
        details,
        e.details(),
        "0x" + HexFormat.of().formatHex(e.prevHash()),
        "0x" + HexFormat.of().formatHex(e.hash()));
  }
}
