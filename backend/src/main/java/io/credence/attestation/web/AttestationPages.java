package io.credence.attestation.web;

import io.credence.attestation.AttestationException;
import io.credence.attestation.AttestationUid;
import io.credence.attestation.Attestations;
import io.credence.attestation.StoredAttestation;
import io.credence.attestation.internal.AttestationChains;
import io.credence.borrower.BorrowerPrincipal;
import io.credence.platform.PortalController;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Attest" (issue 16): request an attestation, sign the mint consents in the browser wallet, follow
 * the mint per chain, download the credential package, revoke. The request, consents and live
 * status go through the REST API from the page's script (the wallet signs in the browser); the
 * list, the detail and revocation are plain server-rendered pages and forms.
 */
@PortalController
class AttestationPages {

  private final Attestations attestations;
  private final AttestationChains chains;
  private final Clock clock;

  AttestationPages(Attestations attestations, AttestationChains chains, Clock clock) {
    this.attestations = attestations;
    this.chains = chains;
    this.clock = clock;
  }

  @GetMapping("/attest")
  String attest(@AuthenticationPrincipal BorrowerPrincipal borrower, Model model) {
    model.addAttribute("chains", chains.withRegistry());
    model.addAttribute("attestations", attestations.list(borrower.profileId()));
    model.addAttribute("issuerConfigured", attestations.issuerAddress().isPresent());
    model.addAttribute("now", clock.instant());
    return "attest";
  }

  @GetMapping("/attestations/{uid}")
  String attestation(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @PathVariable String uid, Model model) {
    StoredAttestation a = attestations.get(borrower.profileId(), parse(uid));
    Map<Long, String> names =
        chains.chains().stream()
            .collect(Collectors.toMap(AttestationChains.Chain::id, AttestationChains.Chain::name));
    model.addAttribute("a", a);
    model.addAttribute("view", AttestationController.view(a));
    model.addAttribute("chainNames", names);
    model.addAttribute("expired", a.expiresAt().isBefore(clock.instant()));
    return "attestation";
  }

  @PostMapping("/attestations/{uid}/revoke")
  String revoke(
      @AuthenticationPrincipal BorrowerPrincipal borrower,
      @PathVariable String uid,
      RedirectAttributes redirect) {
    AttestationUid id = parse(uid);
    attestations.revoke(borrower.profileId(), id);
    redirect.addFlashAttribute(
        "flash", "Revoked. The revocation is being recorded on every chain.");
    return "redirect:/attestations/" + id;
  }

  private static AttestationUid parse(String uid) {
    try {
      return AttestationUid.parse(uid);
    } catch (IllegalArgumentException e) {
      throw new AttestationException(
          AttestationException.Reason.NOT_FOUND, "There is no such attestation on your profile.");
    }
  }
}
