package io.credence.lender.web;

import io.credence.history.BorrowerHistories;
import io.credence.lender.internal.CredentialVerifications;
import io.credence.lender.internal.OnChainLookup;
import io.credence.platform.PortalController;
import io.credence.platform.WalletPrincipal;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lender's pages (issue 16): "Verify" is public (paste or upload a credential package, set a
 * policy kept in the browser, see every check), and so is "Look up" (a uid's or a presentation
 * address's status on every chain, rate-limited per client); "My verifications" needs a lender
 * wallet.
 */
@PortalController
class LenderPages {

  static final int PAGE_SIZE = 20;

  private static final Pattern UID = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private final CredentialVerifications verifications;
  private final BorrowerHistories histories;
  private final OnChainLookup lookup;

  LenderPages(
      CredentialVerifications verifications, BorrowerHistories histories, OnChainLookup lookup) {
    this.verifications = verifications;
    this.histories = histories;
    this.lookup = lookup;
  }

  @GetMapping("/verify")
  String verify(Model model) {
    model.addAttribute(
        "chains", histories.chains().stream().filter(c -> c.registryAddress() != null).toList());
    return "verify";
  }

  /** Public: a uid's or a presentation address's status on every configured registry. */
  @GetMapping("/verify/lookup")
  String lookup(@RequestParam(required = false) String q, Model model) {
    String query = q == null ? "" : q.trim();
    model.addAttribute("q", query);
    if (query.isEmpty()) {
      return "lookup";
    }
    if (UID.matcher(query).matches()) {
      model.addAttribute("kind", "attestation");
      model.addAttribute("answers", lookup.byUid(query));
    } else if (ADDRESS.matcher(query).matches()) {
      model.addAttribute("kind", "address");
      model.addAttribute("answers", lookup.byAddress(query));
    } else {
      model.addAttribute(
          "error",
          "Enter an attestation uid (0x followed by 64 hex digits) or a presentation address (0x"
              + " followed by 40 hex digits).");
    }
    return "lookup";
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
