package io.credence.platform;

/** The authorities a session can hold. Every role is earned by signing in with a wallet. */
public final class Roles {

  /** A borrower signed in with one of their wallets. */
  public static final String BORROWER = "ROLE_BORROWER";

  private Roles() {}
}
