package io.credence.lender.web;

import io.credence.history.BorrowerHistories;
import io.credence.lender.internal.CredentialVerifications;
import io.credence.platform.PortalController;
import io.credence.platform.WalletPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lender's pages (issue 16): "Verify" is public (paste or upload a credential package, set a
 * policy kept in the browser, see every check); "My verifications" needs a lender wallet.
 */
@PortalController
class LenderPages {

  static final int PAGE_SIZE = 20;

  private final CredentialVerifications verifications;
  private final BorrowerHistories histories;

  LenderPages(CredentialVerifications verifications, BorrowerHistories histories) {
    this.verifications = verifications;
    this.histories = histories;
  }

  @GetMapping("/verify")
  String verify(Model model) {
    model.addAttribute(
        "chains", histories.chains().stream().filter(c -> c.registryAddress() != null).toList());
    return "verify";
  }

  @GetMapping("/lender")
  String history(
      @AuthenticationPrincipal WalletPrincipal lender,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    int p = Math.max(0, Math.min(page, 1_000_000));
    model.addAttribute("items", verifications.history(lender.address(), p, PAGE_SIZE));
    long total = verifications.historySize(lender.address());
    model.addAttribute("total", total);
    model.addAttribute("page", p);
    model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < total);
    model.addAttribute("lender", lender.address());
    return "lender";
  }
}
