package io.credence.audit;

/** The closed set of audited events; the names are stored, so never rename one. */
public enum AuditEventType {
  SIGN_IN,
  SIGN_IN_FAILED,
  PROFILE_CREATED,
  WALLET_LINKED,
  WALLET_LINK_FAILED,
  WALLET_UNLINKED
}
