package io.credence.audit;

/**
 * The audit module's names for what other modules tell it (see {@link AuditRecorder}); the names
 * are stored and hashed, so never rename one.
 */
enum AuditEventType {
  SIGN_IN,
  SIGN_IN_FAILED,
  PROFILE_CREATED,
  WALLET_LINKED,
  WALLET_LINK_FAILED,
  WALLET_UNLINKED,
  /** Further failed sign-ins of one client within one minute, counted in one entry. */
  SIGN_IN_FAILED_REPEATED,
  SIGNED_OUT_EVERYWHERE,
  // Issue 11 (issuance pipeline): scoring, attestation, mint and revocation entries.
  SCORE_COMPUTED,
  ATTESTATION_ISSUED,
  ATTESTATION_CONSENTED,
  ATTESTATION_MINTED,
  ATTESTATION_MINT_FAILED,
  ATTESTATION_REVOKED,
  REVOCATION_RELAYED,
  // Issue 11, lender module:
  /** A credential package verified through the public verify API. */
  CREDENTIAL_VERIFIED
}
