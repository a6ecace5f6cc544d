package io.credence.wallet;

import io.credence.audit.AuditEvent;
import io.credence.audit.AuditEventType;
import io.credence.audit.AuditLog;
import io.credence.auth.SignInFailure;
import io.credence.auth.VerifiedWallet;
import io.credence.auth.WalletProofs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Borrower profiles and their wallets. Every change spends the signed message's nonce and appends
 * its audit entry in the same transaction, so a refused request leaves no trace but its audit line.
 */
@Service
public class Borrowers {

  private final BorrowerProfileRepository profiles;
  private final WalletLinkRepository links;
  private final WalletProofs proofs;
  private final AuditLog audit;
  private final Clock clock;

  Borrowers(
      BorrowerProfileRepository profiles,
      WalletLinkRepository links,
      WalletProofs proofs,
      AuditLog audit,
      Clock clock) {
    this.profiles = profiles;
    this.links = links;
    this.proofs = proofs;
    this.audit = audit;
    this.clock = clock;
  }

  /** The outcome of a sign-in: whose profile it is and whether it was just created. */
  public record SignedIn(UUID profileId, String address, boolean newProfile) {}

  /** Signs in with a verified wallet; a wallet seen for the first time gets a new profile. */
  @Transactional
  public SignedIn signIn(VerifiedWallet wallet) {
    proofs.consumeNonce(wallet);
    var existing = links.findActive(wallet.family().code(), wallet.address());
    UUID profileId;
    boolean created = existing.isEmpty();
    if (created) {
      Instant now = clock.instant();
      profileId = UUID.randomUUID();
      profiles.saveAndFlush(new BorrowerProfile(profileId, now));
      saveLink(profileId, wallet, now);
      audit.append(
          event(AuditEventType.PROFILE_CREATED, profileId, profileId.toString(), Map.of()));
      audit.append(event(AuditEventType.WALLET_LINKED, profileId, subject(wallet), chain(wallet)));
    } else {
      profileId = existing.get().profileId();
    }
    audit.append(event(AuditEventType.SIGN_IN, profileId, subject(wallet), chain(wallet)));
    return new SignedIn(profileId, wallet.address(), created);
  }

  /** Records a refused sign-in on its own: the refused request changes nothing else. */
  public void recordFailedSignIn(SignInFailure reason) {
    audit.appendIndependently(
        new AuditEvent(
            AuditEventType.SIGN_IN_FAILED, "anonymous", null, Map.of("reason", reason.slug())));
  }

  /** Records a refused link attempt by a signed-in borrower. */
  public void recordFailedLink(UUID profileId, String reason) {
    audit.appendIndependently(
        new AuditEvent(
            AuditEventType.WALLET_LINK_FAILED,
            profileId.toString(),
            null,
            Map.of("reason", reason)));
  }

  /** A link and whether this call created it (false: the profile already held the wallet). */
  public record LinkOutcome(LinkedWallet wallet, boolean created) {}

  /**
   * Links another wallet to the profile. Linking a wallet the profile already holds is a no-op that
   * returns the existing link.
   *
   * @throws WalletAlreadyLinkedException if another profile holds the wallet
   */
  @Transactional
  public LinkOutcome link(UUID profileId, VerifiedWallet wallet) {
    proofs.consumeNonce(wallet);
    var existing = links.findActive(wallet.family().code(), wallet.address());
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
    audit.append(event(AuditEventType.WALLET_LINKED, profileId, subject(wallet), chain(wallet)));
    return new LinkOutcome(view(link), true);
  }

  /**
   * Unlinks one of the profile's wallets; the link stays in history.
   *
   * @throws WalletLinkNotFoundException if the profile holds no active link with that id
   * @throws LastWalletException if it is the profile's only wallet
   */
  @Transactional
  public void unlink(UUID profileId, UUID linkId) {
    WalletLink link =
        links.findActiveOwned(linkId, profileId).orElseThrow(WalletLinkNotFoundException::new);
    if (links.findActiveByProfile(profileId).size() == 1) {
      throw new LastWalletException();
    }
    link.unlink(clock.instant());
    audit.append(
        event(
            AuditEventType.WALLET_UNLINKED,
            profileId,
            link.chainFamily() + ":" + link.address(),
            Map.of("chainId", link.chainId(), "linkId", link.id().toString())));
  }

  @Transactional(readOnly = true)
  public List<LinkedWallet> wallets(UUID profileId) {
    return links.findActiveByProfile(profileId).stream().map(Borrowers::view).toList();
  }

  private WalletLink saveLink(UUID profileId, VerifiedWallet wallet, Instant at) {
    return links.saveAndFlush(
        new WalletLink(
            UUID.randomUUID(),
            profileId,
            wallet.family().code(),
            wallet.chainId(),
            wallet.address(),
            at));
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

  private static String subject(VerifiedWallet wallet) {
    return wallet.family().code() + ":" + wallet.address();
  }

  private static Map<String, String> chain(VerifiedWallet wallet) {
    return Map.of("chainId", wallet.chainId());
  }

  private static AuditEvent event(
      AuditEventType type, UUID profileId, String subject, Map<String, String> details) {
    return new AuditEvent(type, profileId.toString(), subject, details);
  }
}
