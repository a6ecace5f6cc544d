package io.credence.borrower.web;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.Borrowers;
import io.credence.borrower.LinkedWallet;
import io.credence.borrower.WalletLinkId;
import io.credence.platform.ApiProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The borrower's portal pages: sign-in and "My wallets". */
@Controller
class PortalPages {

  private final Borrowers borrowers;

  PortalPages(Borrowers borrowers) {
    this.borrowers = borrowers;
  }

  @GetMapping("/sign-in")
  String signIn() {
    return "sign-in";
  }

  @GetMapping("/wallets")
  String wallets(@AuthenticationPrincipal BorrowerPrincipal borrower, Model model) {
    List<LinkedWallet> wallets = borrowers.wallets(borrower.profileId());
    Map<String, List<LinkedWallet>> byChain =
        wallets.stream()
            .collect(
                Collectors.groupingBy(
                    LinkedWallet::chainName, LinkedHashMap::new, Collectors.toList()));
    model.addAttribute("walletsByChain", byChain);
    model.addAttribute("walletCount", wallets.size());
    return "wallets";
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
