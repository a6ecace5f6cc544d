package io.credence.history;

import io.credence.auth.ChainFamily;
import io.credence.borrower.Borrowers;
import io.credence.borrower.LinkedWallet;
import io.credence.borrower.ProfileId;
import io.credence.history.internal.ChainReadException;
import io.credence.history.internal.ChainsProperties;
import io.credence.history.internal.Positions;
import io.credence.history.internal.RelatedWallets;
import io.credence.history.internal.StoredHistory;
import io.credence.history.internal.SyncJobs;
import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.WalletActivity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * A borrower's lending history across all their linked EVM wallets and configured chains: sync
 * requests and progress, and the normalised history the scoring model reads.
 */
@Service
public class BorrowerHistories {

  private final Borrowers borrowers;
  private final StoredHistory stored;
  private final SyncJobs jobs;
  private final ChainsProperties chains;
  private final Positions positions;
  private final RelatedWallets related;

  BorrowerHistories(
      Borrowers borrowers,
      StoredHistory stored,
      SyncJobs jobs,
      ChainsProperties chains,
      Positions positions,
      RelatedWallets related) {
    this.borrowers = borrowers;
    this.stored = stored;
    this.jobs = jobs;
    this.chains = chains;
    this.positions = positions;
    this.related = related;
  }

  /** Queues a sync job per configured chain (a chain already queued is not queued twice). */
  public List<ChainSyncState> requestSync(ProfileId profile) {
    jobs.request(profile);
    return jobs.progress(profile);
  }

  public List<ChainSyncState> progress(ProfileId profile) {
    return jobs.progress(profile);
  }

  /**
   * The stored history of every linked EVM wallet as of {@code asOf}: lending events (see {@code
   * HistoryNormaliser} for the protocol mapping), wallet activity per (wallet, chain) as of the
   * last sync, the open positions at {@code asOf} read from the chains by {@code eth_call} ({@code
   * Positions}), and the related wallets the borrower did not link, without addresses ({@code
   * RelatedWallets}, docs/history.md "Related wallets").
   *
   * @throws PositionsUnavailableException if a configured chain cannot be read
   */
  public BorrowerHistory history(ProfileId profile, Instant asOf) {
    List<String> wallets =
        borrowers.wallets(profile).stream()
            .filter(w -> w.family() == ChainFamily.EVM)
            .map(LinkedWallet::address)
            .map(a -> a.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    List<io.credence.scoring.features.PositionSnapshot> open;
    List<io.credence.scoring.features.RelatedWallet> others;
    try {
      open = positions.at(wallets, asOf);
      others = related.of(wallets, asOf);
    } catch (ChainReadException e) {
      throw new PositionsUnavailableException(e);
    }
    return new BorrowerHistory(
        stored.lendingEvents(wallets, asOf),
        new WalletActivity(stored.activity(wallets), open),
        asOf,
        others);
  }

  /** The configured chains. */
  public List<ConfiguredChain> chains() {
    return chains.chains().stream()
        .map(c -> new ConfiguredChain(c.id(), c.name(), c.publicRpcUrl(), c.registryAddress()))
        .toList();
  }
}
