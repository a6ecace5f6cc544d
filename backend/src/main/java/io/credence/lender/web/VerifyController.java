package io.credence.lender.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.credence.lender.internal.CredentialVerifications;
import io.credence.lender.internal.VerificationPolicyRequest;
import io.credence.lender.internal.VerificationResult;
import io.credence.platform.Roles;
import io.credence.platform.WalletPrincipal;
import io.credence.platform.WalletRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Public verification of credential packages ({@code POST /api/v1/verify}: no sign-in, rate limited
 * per client, no CSRF token) and the signed-in lender's verification history.
 */
@RestController
@Validated
class VerifyController {

  /** Largest page of the history; larger requests get this many. */
  static final int MAX_PAGE_SIZE = 100;

  private final CredentialVerifications verifications;
  private final WalletRoles roles;

  VerifyController(CredentialVerifications verifications, WalletRoles roles) {
    this.verifications = verifications;
    this.roles = roles;
  }

  record VerifyRequest(
      @JsonProperty("package") @NotNull JsonNode credential,
      @Valid VerificationPolicyRequest policy) {}

  record History(List<VerificationResult> items, int page, int size, long total) {}

  @PostMapping("/api/v1/verify")
  VerificationResult verify(@Valid @RequestBody VerifyRequest body, Authentication caller) {
    // Only a wallet that is a lender now keeps a history; anyone else verifies anonymously.
    Optional<String> lender =
        roles.holds(caller, Roles.LENDER)
            ? Optional.of(((WalletPrincipal) caller.getPrincipal()).address())
            : Optional.empty();
    return verifications.verify(body.credential(), body.policy(), lender);
  }

  @GetMapping("/api/v1/verifications")
  History history(
      @AuthenticationPrincipal WalletPrincipal lender,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) int size) {
    int capped = Math.min(size, MAX_PAGE_SIZE);
    return new History(
        verifications.history(lender.address(), page, capped),
        page,
        capped,
        verifications.historySize(lender.address()));
  }
}
