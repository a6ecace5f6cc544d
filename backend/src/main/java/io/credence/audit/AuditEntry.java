package io.credence.audit;

import java.time.Instant;

/**
 * One stored, chained entry.
 *
 * @param seq position in the chain, gapless from 1
 * @param prevHash hash of entry {@code seq - 1} (32 zero bytes for the first)
 * @param hash SHA-256(prevHash ‖ canonical entry)
 */
public record AuditEntry(
    long seq,
    Instant occurredAt,
    String type,
    String actor,
    String subject,
    String details,
    byte[] prevHash,
    byte[] hash) {}
