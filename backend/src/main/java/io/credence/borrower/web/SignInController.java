package io.credence.borrower.web;

import io.credence.borrower.Borrowers;
import io.credence.borrower.internal.BorrowerSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
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

  SignInController(Borrowers borrowers, BorrowerSessions sessions) {
    this.borrowers = borrowers;
    this.sessions = sessions;
  }

  record SignInRequest(
      @NotBlank @Size(max = 4096) String message, @NotBlank @Size(max = 200) String signature) {}

  record SignInResponse(UUID profileId, String address, boolean newProfile) {}

  @PostMapping("/siwe")
  SignInResponse signIn(
      @Valid @RequestBody SignInRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    Borrowers.SignInOutcome signedIn = borrowers.signIn(body.message(), body.signature());
    sessions.signIn(signedIn.profileId(), signedIn.address(), request, response);
    return new SignInResponse(
        signedIn.profileId().value(), signedIn.address(), signedIn.newProfile());
  }
}
