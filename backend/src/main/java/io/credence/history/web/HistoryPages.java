package io.credence.history.web;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.Borrowers;
import io.credence.borrower.LinkedWallet;
import io.credence.history.BorrowerHistories;
import io.credence.history.ChainSyncState;
import io.credence.history.ConfiguredChain;
import io.credence.history.SyncedHistory;
import io.credence.history.SyncedHistory.SyncedEvent;
import io.credence.history.SyncedHistory.WalletContribution;
import io.credence.platform.PortalController;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The borrower's portal pages that show synced history (issue 16): "My wallets" with the chains
 * each wallet contributed, "Sync" with per-chain progress, and "History". The wallets page lives
 * here rather than in {@code borrower} because it shows history, and history depends on borrower,
 * not the reverse.
 */
@PortalController
class HistoryPages {

  private final Borrowers borrowers;
  private final BorrowerHistories histories;
  private final SyncedHistory synced;

  HistoryPages(Borrowers borrowers, BorrowerHistories histories, SyncedHistory synced) {
    this.borrowers = borrowers;
    this.histories = histories;
    this.synced = synced;
  }

  /** A wallet row: the link and what it contributed per chain. */
  record WalletRow(LinkedWallet wallet, List<WalletContribution> contributions) {}

  @GetMapping("/wallets")
  String wallets(@AuthenticationPrincipal BorrowerPrincipal borrower, Model model) {
    List<LinkedWallet> wallets = borrowers.wallets(borrower.profileId());
    Map<String, List<WalletContribution>> byWallet =
        synced.contributions(borrower.profileId()).stream()
            .collect(Collectors.groupingBy(WalletContribution::wallet));
    Map<String, List<WalletRow>> byChain = new LinkedHashMap<>();
    for (LinkedWallet w : wallets) {
      byChain
          .computeIfAbsent(w.chainName(), k -> new ArrayList<>())
          .add(
              new WalletRow(
                  w, byWallet.getOrDefault(w.address().toLowerCase(Locale.ROOT), List.of())));
    }
    model.addAttribute("walletsByChain", byChain);
    model.addAttribute("walletCount", wallets.size());
    return "wallets";
  }

  /**
   * One configured chain and its sync state (null when never requested).
   *
   * @param percent 0–100, or null while a run is in progress (shown as an indeterminate bar)
   */
  record ChainProgress(ConfiguredChain chain, ChainSyncState state, Integer percent, String label) {

    static ChainProgress of(ConfiguredChain chain, ChainSyncState state) {
      if (state == null) {
        return new ChainProgress(chain, null, 0, "not synced yet");
      }
      return switch (state.state()) {
        case "done" ->
            new ChainProgress(
                chain,
                state,
                100,
                "done: "
                    + state.blocksScanned()
                    + " blocks scanned, "
                    + state.eventsRead()
                    + " events");
        case "running" -> new ChainProgress(chain, state, null, "reading blocks…");
        case "queued" -> new ChainProgress(chain, state, 0, "queued");
        default ->
            new ChainProgress(chain, state, 0, "failed (attempt " + state.runs() + "), will retry");
      };
    }
  }

  @GetMapping("/sync")
  String sync(@AuthenticationPrincipal BorrowerPrincipal borrower, Model model) {
    Map<Long, ChainSyncState> states =
        histories.progress(borrower.profileId()).stream()
            .collect(Collectors.toMap(ChainSyncState::chainId, s -> s));
    List<ChainProgress> chains =
        histories.chains().stream().map(c -> ChainProgress.of(c, states.get(c.id()))).toList();
    long done = chains.stream().filter(c -> Integer.valueOf(100).equals(c.percent())).count();
    model.addAttribute("chains", chains);
    model.addAttribute("done", done);
    model.addAttribute("overall", chains.isEmpty() ? 0 : (int) (100 * done / chains.size()));
    return "sync";
  }

  /** Plain form post, so a sync can be started without JavaScript; the page then shows progress. */
  @PostMapping("/sync")
  String requestSync(
      @AuthenticationPrincipal BorrowerPrincipal borrower, RedirectAttributes redirect) {
    histories.requestSync(borrower.profileId());
    redirect.addFlashAttribute("flash", "Sync requested.");
    return "redirect:/sync";
  }

  @GetMapping("/history")
  String history(@AuthenticationPrincipal BorrowerPrincipal borrower, Model model) {
    List<SyncedEvent> events = synced.events(borrower.profileId());
    Map<String, List<SyncedEvent>> byChain =
        events.stream()
            .collect(
                Collectors.groupingBy(SyncedEvent::chain, LinkedHashMap::new, Collectors.toList()));
    model.addAttribute("eventsByChain", byChain);
    model.addAttribute("eventCount", events.size());
    model.addAttribute("truncated", events.size() >= SyncedHistory.MAX_EVENTS);
    return "history";
  }
}
