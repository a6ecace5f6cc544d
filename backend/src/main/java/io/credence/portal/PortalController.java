package io.credence.portal;

import io.credence.platform.web.ApiProblemException;
import io.credence.security.BorrowerPrincipal;
import io.credence.wallet.Borrowers;
import io.credence.wallet.LinkedWallet;
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

/** Server-rendered borrower portal pages. */
@Controller
class PortalController {

  private final Borrowers borrowers;

  PortalController(Borrowers borrowers) {
    this.borrowers = borrowers;
  }

  @GetMapping("/")
  String home() {
    return "index";
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
      borrowers.unlink(borrower.profileId(), id);
      redirect.addFlashAttribute("flash", "Wallet unlinked.");
    } catch (ApiProblemException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/wallets";
  }
}
