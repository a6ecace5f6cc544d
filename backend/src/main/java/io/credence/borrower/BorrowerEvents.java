package io.credence.borrower;

import io.credence.auth.ChainFamily;

/**
 * What the borrower module tells the others. Listeners that must commit with the change (the audit
 * log) run inside the publishing transaction; refusals are published after the refused change has
 * rolled back, so they describe a request that changed nothing.
 */
public sealed interface BorrowerEvents {

  /** A wallet seen for the first time created a profile. */
  record ProfileCreated(ProfileId profileId) implements BorrowerEvents {}

  /** A borrower signed in with one of their wallets. */
  record SignedIn(ProfileId profileId, ChainFamily family, String chainId, String address)
      implements BorrowerEvents {}

  /**
   * A sign-in was refused.
   *
   * @param reason the stable problem slug, e.g. {@code nonce-used}
   * @param client the client's address (from a trusted proxy's forwarded header, or the peer)
   */
  record SignInRefused(String reason, String client) implements BorrowerEvents {}

  /**
   * A borrower ended every session of their profile.
   *
   * @param sessionsEnded how many sessions there were
   */
  record SignedOutEverywhere(ProfileId profileId, int sessionsEnded) implements BorrowerEvents {}

  /** A wallet was linked to a profile (including the first wallet of a new profile). */
  record WalletLinked(
      ProfileId profileId, WalletLinkId linkId, ChainFamily family, String chainId, String address)
      implements BorrowerEvents {}

  /** A signed-in borrower's attempt to link a wallet was refused. */
  record WalletLinkRefused(ProfileId profileId, String reason) implements BorrowerEvents {}

  /** A wallet was unlinked; its link stays as history. */
  record WalletUnlinked(
      ProfileId profileId, WalletLinkId linkId, ChainFamily family, String chainId, String address)
      implements BorrowerEvents {}
}
