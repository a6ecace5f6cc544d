package io.credence.borrower;

import io.credence.auth.ChainFamily;
import io.credence.auth.ClientBinding;
import io.credence.auth.NoncePurpose;
import io.credence.auth.SignInRejectedException;
import io.credence.auth.VerifiedWallet;
import io.credence.auth.WalletProofs;
import io.credence.borrower.BorrowerEvents.ProfileCreated;
import io.credence.borrower.BorrowerEvents.SignInRefused;
import io.credence.borrower.BorrowerEvents.SignedIn;
import io.credence.borrower.BorrowerEvents.WalletLinkRefused;
import io.credence.borrower.BorrowerEvents.WalletLinked;
import io.credence.borrower.BorrowerEvents.WalletUnlinked;
import io.credence.borrower.internal.BorrowerProfile;
import io.credence.borrower.internal.BorrowerProfileRepository;
import io.credence.borrower.internal.ChainNames;
import io.credence.borrower.internal.WalletLink;
import io.credence.borrower.internal.WalletLinkRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Borrower profiles and their wallets. A signed message is verified first, outside any transaction;
 * the change it allows then spends its nonce and publishes its events in one transaction, so
 * listeners that record it (the audit log) commit or roll back with it. A refused request publishes
 * its refusal after everything it touched has rolled back.
 */
@Service
public class Borrowers {

  private final BorrowerProfileRepository profiles;
  private final WalletLinkRepository links;
  private final WalletProofs proofs;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final TransactionTemplate readOnly;
  private final Clock clock;
  private final JdbcClient jdbc;

  private static final int WALLET_LOCK_SPACE = 0x57414c4c; // "WALL"

  Borrowers(
      BorrowerProfileRepository profiles,
      WalletLinkRepository links,
      WalletProofs proofs,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.profiles = profiles;
    this.links = links;
    this.proofs = proofs;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  /** The outcome of a sign-in: whose profile it is and whether it was just created. */
  public record SignInOutcome(ProfileId profileId, String address, boolean newProfile) {}

  /** A link and whether this call created it (false: the profile already held the wallet). */
  public record LinkOutcome(LinkedWallet wallet, boolean created) {}

  /**
   * Signs in with a signed EIP-4361 message; a wallet seen for the first time gets a new profile.
   *
   * @throws SignInRejectedException if the message or signature is refused (nothing is changed)
   */
  public SignInOutcome signIn(
      String message, String signature, Optional<ClientBinding> binding, String client) {
    try {
      VerifiedWallet wallet =
          proofs.verify(ChainFamily.EVM, NoncePurpose.SIGN_IN, binding, message, signature);
      return transaction.execute(status -> signInVerified(wallet));
    } catch (SignInRejectedException e) {
      events.publishEvent(new SignInRefused(e.reason().slug(), client));
      throw e;
    }
  }

  private SignInOutcome signInVerified(VerifiedWallet wallet) {
    // Concurrent first sign-ins of one wallet queue here instead of racing to insert two profiles.
    lockWallet(wallet);
    proofs.consumeNonce(wallet);
    var existing = links.findActive(wallet.family(), wallet.address());
    ProfileId profileId;
    if (existing.isPresent()) {
      profileId = existing.get().profileId();
    } else {
      Instant now = clock.instant();
      profileId = ProfileId.random();
      profiles.saveAndFlush(new BorrowerProfile(profileId, now));
      events.publishEvent(new ProfileCreated(profileId));
      WalletLink link = saveLink(profileId, wallet, now);
      events.publishEvent(linked(link));
    }
    events.publishEvent(
        new SignedIn(profileId, wallet.family(), wallet.chainId(), wallet.address()));
    return new SignInOutcome(profileId, wallet.address(), existing.isEmpty());
  }

  /**
   * Links another wallet to the profile. Linking a wallet the profile already holds is a no-op that
   * returns the existing link.
   *
   * @throws SignInRejectedException if the message or signature is refused
   * @throws WalletAlreadyLinkedException if another profile holds the wallet
   */
  public LinkOutcome link(
      ProfileId profileId,
      ChainFamily family,
      String message,
      String signature,
      Optional<ClientBinding> binding) {
    try {
      VerifiedWallet wallet = proofs.verify(family, NoncePurpose.LINK, binding, message, signature);
      return transaction.execute(status -> linkVerified(profileId, wallet));
    } catch (SignInRejectedException e) {
      events.publishEvent(new WalletLinkRefused(profileId, e.reason().slug()));
      throw e;
    } catch (WalletAlreadyLinkedException e) {
      events.publishEvent(new WalletLinkRefused(profileId, e.slug()));
      throw e;
    }
  }

  private LinkOutcome linkVerified(ProfileId profileId, VerifiedWallet wallet) {
    // Serialised per wallet: a concurrent re-link finds the first one's link and answers 200.
    lockWallet(wallet);
    proofs.consumeNonce(wallet);
    var existing = links.findActive(wallet.family(), wallet.address());
    if (existing.isPresent()) {
      if (!existing.get().profileId().equals(profileId)) {
        throw new WalletAlreadyLinkedException();
      }
      return new LinkOutcome(view(existing.get()), false);
    }
    WalletLink link;
    try {
      link = saveLink(profileId, wallet, clock.instant());
    } catch (DataIntegrityViolationException raceLost) {
      throw new WalletAlreadyLinkedException();
    }
    events.publishEvent(linked(link));
    return new LinkOutcome(view(link), true);
  }

  /**
   * Unlinks one of the profile's wallets; the link stays in history.
   *
   * @throws WalletLinkNotFoundException if the profile holds no active link with that id
   * @throws LastWalletException if it is the profile's only wallet
   */
  public void unlink(ProfileId profileId, WalletLinkId linkId) {
    transaction.executeWithoutResult(
        status -> {
          // The profile row lock makes "not the last wallet" and the unlink one atomic step:
          // parallel unlinks of one profile run one after the other.
          profiles.lockById(profileId).orElseThrow(WalletLinkNotFoundException::new);
          WalletLink link =
              links
                  .findActiveOwned(linkId, profileId)
                  .orElseThrow(WalletLinkNotFoundException::new);
          if (links.findActiveByProfile(profileId).size() == 1) {
            throw new LastWalletException();
          }
          link.unlink(clock.instant());
          events.publishEvent(
              new WalletUnlinked(
                  profileId, link.id(), link.chainFamily(), link.chainId(), link.address()));
        });
  }

  /** The profile's active wallets, oldest link first. */
  public List<LinkedWallet> wallets(ProfileId profileId) {
    return readOnly.execute(
        status -> links.findActiveByProfile(profileId).stream().map(Borrowers::view).toList());
  }

  /** A transaction-scoped lock on one wallet identity (its own advisory-lock key space). */
  private void lockWallet(VerifiedWallet wallet) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .params(WALLET_LOCK_SPACE, wallet.family().code() + ":" + wallet.address())
        .query()
        .singleRow();
  }

  private WalletLink saveLink(ProfileId profileId, VerifiedWallet wallet, Instant at) {
    return links.saveAndFlush(
        new WalletLink(
            WalletLinkId.random(),
            profileId,
            wallet.family(),
            wallet.chainId(),
            wallet.address(),
            at));
  }

  private static WalletLinked linked(WalletLink link) {
    return new WalletLinked(
        link.profileId(), link.id(), link.chainFamily(), link.chainId(), link.address());
  }

  private static LinkedWallet view(WalletLink link) {
    return new LinkedWallet(
        link.id(),
        link.chainFamily(),
        link.chainId(),
        ChainNames.of(link.chainFamily(), link.chainId()),
        link.address(),
        link.linkedAt());
  }
}
