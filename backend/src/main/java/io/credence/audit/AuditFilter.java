package io.credence.audit;

import java.time.Instant;

/**
 * Which audit entries a compliance officer wants (issue 11). Every part is optional (null = any);
 * the parts combine with AND.
 *
 * @param from entries at or after this time
 * @param to entries before this time
 * @param action the entry type, e.g. {@code CREDENTIAL_VERIFIED}
 * @param actor who did it, exactly as stored (a profile id, {@code lender:0x…}, {@code anonymous})
 * @param attestationUid entries about this attestation (0x-prefixed hex, any case): those whose
 *     subject is {@code attestation:<uid>} or that carry it as their {@code uid} detail, and the
 *     score run its issue entry names ({@code score:<scoreId>})
 * @param modelId entries naming this model in their {@code modelId} detail (with or without 0x)
 */
public record AuditFilter(
    Instant from, Instant to, String action, String actor, String attestationUid, String modelId) {

  /** Every entry. */
  public static AuditFilter all() {
    return new AuditFilter(null, null, null, null, null, null);
  }
}
