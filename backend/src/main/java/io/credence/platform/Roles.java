package io.credence.platform;

/** The authorities a session can hold. Every role is earned by signing in with a wallet. */
public final class Roles {

  /** A borrower signed in with one of their wallets. */
  public static final String BORROWER = "ROLE_BORROWER";

  // Issue 11 (lender, compliance): granted at sign-in to configured wallet addresses
  // (credence.roles.lenders / credence.roles.compliance, see WalletRoles).

  /** A lender's wallet: verification history. */
  public static final String LENDER = "ROLE_LENDER";

  /** A compliance officer's wallet: the audit log, re-verification, models. */
  public static final String COMPLIANCE = "ROLE_COMPLIANCE";

  private Roles() {}
}
