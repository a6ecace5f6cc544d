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
  WALLET_UNLINKED
}
