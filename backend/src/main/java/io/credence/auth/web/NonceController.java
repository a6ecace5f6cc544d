package io.credence.auth.web;

import io.credence.auth.ChainFamily;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import io.credence.auth.WalletProofs;
import io.credence.auth.internal.AuthProperties;
import io.credence.auth.internal.SignInMessageText;
import io.credence.auth.internal.WalletAddresses;
import io.credence.platform.PublicOrigin;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class NonceController {

  private final WalletProofs proofs;
  private final PublicOrigin origin;
  private final AuthProperties props;
  private final Clock clock;

  NonceController(WalletProofs proofs, PublicOrigin origin, AuthProperties props, Clock clock) {
    this.proofs = proofs;
    this.origin = origin;
    this.props = props;
    this.clock = clock;
  }

  /**
   * A fresh single-use nonce, with what a client needs to build a valid message.
   *
   * @param nonce put in the message's {@code Nonce:} field
   * @param expiresAt the nonce is refused from this instant
   * @param domain the message's domain
   * @param uri the message's {@code URI:}
   * @param statement the statement the portal uses (optional in messages)
   * @param message the complete text to sign, when the caller named its wallet and chain
   */
  record NonceResponse(
      String nonce,
      Instant expiresAt,
      String domain,
      String uri,
      String statement,
      String message) {}

  /**
   * Issues a nonce. With {@code address} and {@code chainId} it also returns the exact message to
   * sign (the portal uses this so browsers need no keccak or EIP-55 code of their own).
   */
  @GetMapping("/nonce")
  ResponseEntity<NonceResponse> nonce(
      @RequestParam(defaultValue = "evm") String chain,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String chainId) {
    ChainFamily family = family(chain);
    String message = null;
    String canonicalAddress = null;
    if (address != null || chainId != null) {
      canonicalAddress = WalletAddresses.canonicalForMessage(family, address);
      WalletAddresses.requireChainIdSyntax(family, chainId);
    }
    WalletProofs.IssuedNonce issued = proofs.issueNonce();
    if (canonicalAddress != null) {
      message =
          SignInMessageText.of(
              family,
              origin.authority(),
              canonicalAddress,
              props.statement(),
              origin.value(),
              chainId,
              issued.nonce(),
              clock.instant());
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new NonceResponse(
                issued.nonce(),
                issued.expiresAt(),
                origin.authority(),
                origin.value(),
                props.statement(),
                message));
  }

  private static ChainFamily family(String code) {
    try {
      return ChainFamily.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new SignInRejectedException(
          SignInFailure.UNSUPPORTED_CHAIN, "chain must be evm or solana");
    }
  }
}
