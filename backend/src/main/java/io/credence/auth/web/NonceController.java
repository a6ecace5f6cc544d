package io.credence.auth.web;

import io.credence.auth.ChainFamily;
import io.credence.auth.ClientBinding;
import io.credence.auth.NoncePurpose;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import io.credence.auth.WalletProofs;
import io.credence.auth.internal.AuthProperties;
import io.credence.auth.internal.SignInMessageText;
import io.credence.auth.internal.WalletAddresses;
import io.credence.platform.PublicOrigin;
import io.credence.platform.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
  private final SecureRandom random;

  NonceController(
      WalletProofs proofs,
      PublicOrigin origin,
      AuthProperties props,
      Clock clock,
      SecureRandom random) {
    this.proofs = proofs;
    this.origin = origin;
    this.props = props;
    this.clock = clock;
    this.random = random;
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
   * sign (the portal uses this so browsers need no keccak or EIP-55 code of their own). The nonce
   * is bound to the caller's session and to {@code purpose} ({@code sign-in} or {@code link};
   * default: {@code link} for a signed-in borrower, else {@code sign-in}).
   */
  @GetMapping("/nonce")
  ResponseEntity<NonceResponse> nonce(
      @RequestParam(defaultValue = "evm") String chain,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String chainId,
      @RequestParam(required = false) String purpose,
      HttpServletRequest request) {
    ChainFamily family = family(chain);
    NoncePurpose forPurpose = purpose(purpose);
    String message = null;
    String canonicalAddress = null;
    if (address != null || chainId != null) {
      canonicalAddress = WalletAddresses.canonicalForMessage(family, address);
      WalletAddresses.requireChainIdSyntax(family, chainId);
    }
    WalletProofs.IssuedNonce issued =
        proofs.issueNonce(forPurpose, ClientBinding.of(request, random));
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

  /** Explicit, or else: a signed-in borrower links, anyone else signs in. */
  private static NoncePurpose purpose(String code) {
    if (code == null) {
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      boolean borrower =
          caller != null
              && caller.getAuthorities().stream()
                  .anyMatch(a -> Roles.BORROWER.equals(a.getAuthority()));
      return borrower ? NoncePurpose.LINK : NoncePurpose.SIGN_IN;
    }
    try {
      return NoncePurpose.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new SignInRejectedException(
          SignInFailure.MALFORMED_MESSAGE, "purpose must be sign-in or link");
    }
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
