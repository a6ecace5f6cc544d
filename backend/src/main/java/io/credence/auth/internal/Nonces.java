package io.credence.auth.internal;

import io.credence.auth.NoncePurpose;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Server-issued, single-use, expiring sign-in nonces. */
@Service
public class Nonces {

  private static final char[] ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int LENGTH = 24; // ~143 bits

  private final AuthNonceRepository repository;
  private final SecureRandom random;
  private final Clock clock;
  private final Duration ttl;

  Nonces(AuthNonceRepository repository, SecureRandom random, Clock clock, AuthProperties props) {
    this.repository = repository;
    this.random = random;
    this.clock = clock;
    this.ttl = props.nonceTtl();
  }

  /** A fresh nonce for one purpose, usable only by the session whose binding digest is given. */
  @Transactional
  public AuthNonce issue(NoncePurpose purpose, byte[] bindingDigest) {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
    }
    Instant now = clock.instant();
    return repository.save(
        new AuthNonce(new String(chars), now, now.plus(ttl), purpose.code(), bindingDigest));
  }

  /**
   * Read-only check that a nonce can still be used; consumption happens with the change it allows.
   */
  @Transactional(readOnly = true)
  public void checkUsable(String nonce, NoncePurpose purpose, byte[] bindingDigest) {
    AuthNonce found = usable(nonce);
    if (!found.purpose().equals(purpose.code())) {
      throw new SignInRejectedException(
          SignInFailure.NONCE_WRONG_PURPOSE,
          "this nonce was issued for " + found.purpose() + ", not for " + purpose.code());
    }
    if (bindingDigest == null || !found.boundTo(bindingDigest)) {
      throw new SignInRejectedException(
          SignInFailure.NONCE_WRONG_SESSION,
          "this nonce was issued to another session; fetch a nonce in this session");
    }
  }

  private AuthNonce usable(String nonce) {
    AuthNonce found =
        repository
            .findById(nonce)
            .orElseThrow(
                () ->
                    new SignInRejectedException(
                        SignInFailure.NONCE_UNKNOWN, "this nonce was not issued by Credence"));
    if (found.consumed()) {
      throw new SignInRejectedException(SignInFailure.NONCE_USED, "this nonce was already used");
    }
    if (!clock.instant().isBefore(found.expiresAt())) {
      throw new SignInRejectedException(
          SignInFailure.NONCE_EXPIRED, "this nonce expired; request a new one");
    }
    return found;
  }

  /** Consumes the nonce inside the caller's transaction; a concurrent or late second use loses. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void consume(String nonce) {
    if (repository.consume(nonce, clock.instant()) != 1) {
      usable(nonce); // explains why
      throw new SignInRejectedException(SignInFailure.NONCE_USED, "this nonce was already used");
    }
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  @Transactional
  public void purgeExpired() {
    repository.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
  }
}
