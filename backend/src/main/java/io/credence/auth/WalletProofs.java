package io.credence.auth;

import io.credence.auth.internal.AuthNonce;
import io.credence.auth.internal.AuthProperties;
import io.credence.auth.internal.EvmSignatureVerifier;
import io.credence.auth.internal.Nonces;
import io.credence.auth.internal.SignInMessage;
import io.credence.auth.internal.SignInMessageParser;
import io.credence.auth.internal.SolanaSignatureVerifier;
import io.credence.platform.PublicOrigin;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Proof of wallet control: checks a signed sign-in message against this server's domain, origin,
 * chains, nonces and clock, then checks the signature. Every check throws {@link
 * SignInRejectedException} with a stable reason; nothing is written.
 */
@Service
public class WalletProofs {

  private final Nonces nonces;
  private final PublicOrigin origin;
  private final AuthProperties props;
  private final Clock clock;
  private final EvmSignatureVerifier evm;
  private final SolanaSignatureVerifier solana;

  WalletProofs(
      Nonces nonces,
      PublicOrigin origin,
      AuthProperties props,
      Clock clock,
      EvmSignatureVerifier evm,
      SolanaSignatureVerifier solana) {
    this.nonces = nonces;
    this.origin = origin;
    this.props = props;
    this.clock = clock;
    this.evm = evm;
    this.solana = solana;
  }

  /**
   * Verifies {@code message} signed by its own address for the given purpose, with a nonce the
   * caller's session fetched for that purpose; returns the wallet it proves.
   *
   * @param binding the caller's session binding; empty when the caller has none (always refused)
   * @throws SignInRejectedException with the reason of the first failed check
   */
  public VerifiedWallet verify(
      ChainFamily family,
      NoncePurpose purpose,
      java.util.Optional<ClientBinding> binding,
      String message,
      String signature) {
    SignInMessage parsed = SignInMessageParser.parse(message, family);
    URI expected = origin.uri();
    if (!parsed.domain().equals(origin.authority())) {
      throw new SignInRejectedException(
          SignInFailure.DOMAIN_MISMATCH, "the message must be for domain " + origin.authority());
    }
    if (parsed.scheme().isPresent() && !parsed.scheme().get().equals(expected.getScheme())) {
      throw new SignInRejectedException(
          SignInFailure.DOMAIN_MISMATCH, "the message must be for scheme " + expected.getScheme());
    }
    URI uri = parsed.uri();
    if (!expected.getScheme().equals(uri.getScheme())
        || !origin.authority().equals(uri.getRawAuthority())) {
      throw new SignInRejectedException(
          SignInFailure.URI_MISMATCH, "the message URI must be on " + origin.value());
    }
    if (!parsed.version().equals("1")) {
      throw new SignInRejectedException(SignInFailure.UNSUPPORTED_VERSION, "Version must be 1");
    }
    checkChain(family, parsed.chainId());
    checkTimes(parsed);
    nonces.checkUsable(parsed.nonce(), purpose, binding.map(ClientBinding::digest).orElse(null));
    switch (family) {
      case EVM -> evm.verify(parsed, signature, message);
      case SOLANA -> solana.verify(parsed, signature, message);
    }
    String address = family == ChainFamily.EVM ? parsed.address().toLowerCase() : parsed.address();
    return new VerifiedWallet(family, parsed.chainId(), address, parsed.nonce());
  }

  /** Issues a fresh nonce for one purpose, usable only by the session holding the binding. */
  public IssuedNonce issueNonce(NoncePurpose purpose, ClientBinding binding) {
    AuthNonce nonce = nonces.issue(purpose, binding.digest());
    return new IssuedNonce(nonce.nonce(), nonce.expiresAt());
  }

  /** Spends the wallet's nonce in the caller's transaction; refuses a nonce already spent. */
  public void consumeNonce(VerifiedWallet wallet) {
    nonces.consume(wallet.nonce());
  }

  /** A nonce and when it stops being accepted. */
  public record IssuedNonce(String nonce, Instant expiresAt) {}

  private void checkChain(ChainFamily family, String chainId) {
    boolean supported =
        switch (family) {
          case EVM -> props.evmChainIds().stream().anyMatch(id -> id.toString().equals(chainId));
          case SOLANA -> props.solanaClusters().contains(chainId);
        };
    if (!supported) {
      throw new SignInRejectedException(
          SignInFailure.UNSUPPORTED_CHAIN, "the message's chain is not supported here");
    }
  }

  private void checkTimes(SignInMessage message) {
    Instant now = clock.instant();
    if (message.issuedAt().isAfter(now.plus(props.clockSkew()))) {
      throw new SignInRejectedException(
          SignInFailure.MESSAGE_NOT_YET_VALID, "Issued At is in the future");
    }
    if (message.notBefore().isPresent()
        && message.notBefore().get().isAfter(now.plus(props.clockSkew()))) {
      throw new SignInRejectedException(
          SignInFailure.MESSAGE_NOT_YET_VALID, "the message is not valid before its Not Before");
    }
    if (message.expirationTime().isPresent() && !now.isBefore(message.expirationTime().get())) {
      throw new SignInRejectedException(SignInFailure.MESSAGE_EXPIRED, "the message has expired");
    }
  }
}
