package io.credence.borrower.web;

import io.credence.auth.ClientBinding;
import io.credence.borrower.BorrowerEvents;
import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.Borrowers;
import io.credence.borrower.internal.BorrowerSessions;
import io.credence.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-In with Ethereum (EIP-4361): a verified message starts a borrower session. */
@RestController
@RequestMapping("/api/v1/auth")
class SignInController {

  private final Borrowers borrowers;
  private final BorrowerSessions sessions;
  private final RateLimits limits;
  private final ApplicationEventPublisher events;

  SignInController(
      Borrowers borrowers,
      BorrowerSessions sessions,
      RateLimits limits,
      ApplicationEventPublisher events) {
    this.borrowers = borrowers;
    this.sessions = sessions;
    this.limits = limits;
    this.events = events;
  }

  record SignInRequest(
      @NotBlank @Size(max = 4096) String message, @NotBlank @Size(max = 200) String signature) {}

  record SignInResponse(UUID profileId, String address, boolean newProfile) {}

  @PostMapping("/siwe")
  SignInResponse signIn(
      @Valid @RequestBody SignInRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    String client = request.getRemoteAddr();
    limits.acquire("sign-in-per-wallet", ClaimedWallet.of(body.message()));
    Borrowers.SignInOutcome signedIn =
        borrowers.signIn(body.message(), body.signature(), ClientBinding.existing(request), client);
    sessions.signIn(signedIn.profileId(), signedIn.address(), request, response);
    return new SignInResponse(
        signedIn.profileId().value(), signedIn.address(), signedIn.newProfile());
  }

  /** Ends every session of the caller's profile, this one included → 204. */
  @PostMapping("/logout-everywhere")
  ResponseEntity<Void> signOutEverywhere(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    int ended = sessions.signOutEverywhere(borrower.profileId());
    events.publishEvent(new BorrowerEvents.SignedOutEverywhere(borrower.profileId(), ended));
    return ResponseEntity.noContent().build();
  }
}
