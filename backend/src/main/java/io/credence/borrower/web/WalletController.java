package io.credence.borrower.web;

import io.credence.auth.ChainFamily;
import io.credence.auth.ClientBinding;
import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.Borrowers;
import io.credence.borrower.WalletLinkId;
import io.credence.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in borrower's wallets: link by signature, list, unlink. */
@RestController
@RequestMapping("/api/v1/wallets")
class WalletController {

  private final Borrowers borrowers;
  private final RateLimits limits;

  WalletController(Borrowers borrowers, RateLimits limits) {
    this.borrowers = borrowers;
    this.limits = limits;
  }

  /**
   * A signed message from the wallet to link.
   *
   * @param chain {@code evm} (default) or {@code solana}
   * @param message EIP-4361 text (EVM) or its Solana twin
   * @param signature 0x-hex (EVM, 65 bytes) or base58 (Solana, 64 bytes)
   */
  record LinkRequest(
      @Pattern(regexp = "evm|solana", message = "must be evm or solana") String chain,
      @NotBlank @Size(max = 4096) String message,
      @NotBlank @Size(max = 200) String signature) {}

  @PostMapping
  ResponseEntity<WalletResponse> link(
      @AuthenticationPrincipal BorrowerPrincipal borrower,
      @Valid @RequestBody LinkRequest body,
      HttpServletRequest request) {
    limits.acquire("link-per-wallet", ClaimedWallet.of(body.message()));
    ChainFamily family =
        body.chain() == null ? ChainFamily.EVM : ChainFamily.fromCode(body.chain());
    Borrowers.LinkOutcome outcome =
        borrowers.link(
            borrower.profileId(),
            family,
            body.message(),
            body.signature(),
            ClientBinding.existing(request));
    WalletResponse linked = WalletResponse.of(outcome.wallet());
    if (!outcome.created()) {
      return ResponseEntity.ok(linked);
    }
    return ResponseEntity.created(URI.create("/api/v1/wallets/" + linked.id())).body(linked);
  }

  @GetMapping
  List<WalletResponse> list(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    return borrowers.wallets(borrower.profileId()).stream().map(WalletResponse::of).toList();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> unlink(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @PathVariable UUID id) {
    borrowers.unlink(borrower.profileId(), new WalletLinkId(id));
    return ResponseEntity.noContent().build();
  }
}
