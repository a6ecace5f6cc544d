package io.credence.borrower.web;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.Borrowers;
import io.credence.borrower.WalletLinkId;
import io.credence.platform.ApiProblemException;
import io.credence.platform.PortalController;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The borrower's portal pages: sign-in and unlinking. "My wallets" itself is rendered by the
 * history module's pages, since it shows what each wallet contributed (issue 16).
 */
@PortalController
class PortalPages {

  private final Borrowers borrowers;

  PortalPages(Borrowers borrowers) {
    this.borrowers = borrowers;
  }

  @GetMapping("/sign-in")
  String signIn() {
    return "sign-in";
  }

  /** Plain form post, so unlinking works without JavaScript. */
  @PostMapping("/wallets/{id}/unlink")
  String unlink(
      @AuthenticationPrincipal BorrowerPrincipal borrower,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    try {
      borrowers.unlink(borrower.profileId(), new WalletLinkId(id));
      redirect.addFlashAttribute("flash", "Wallet unlinked.");
    } catch (ApiProblemException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/wallets";
  }
}
