package io.credence.lender.web;

import io.credence.lender.internal.PublicAttestations;
import io.credence.lender.internal.PublicAttestations.PublicAttestationView;
import io.credence.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public view of an attestation this server issued: what its package and the registries show
 * anyone, and nothing more. Public, limited per client address.
 */
@RestController
class PublicAttestationController {

  private final PublicAttestations attestations;
  private final RateLimits limits;

  PublicAttestationController(PublicAttestations attestations, RateLimits limits) {
    this.attestations = attestations;
    this.limits = limits;
  }

  @GetMapping("/api/v1/attestations/{uid}/public")
  PublicAttestationView view(@PathVariable String uid, HttpServletRequest request) {
    limits.acquire("attestation-public-per-client", request.getRemoteAddr());
    return attestations.view(uid);
  }
}
