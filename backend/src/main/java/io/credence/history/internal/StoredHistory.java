package io.credence.history.internal;

import io.credence.scoring.features.LendingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Stored events → normalised scoring events, for the history facade. */
@Component
public class StoredHistory {

  private final HistoryStore store;
  private final ChainsProperties chains;
  private final WalletFacts facts;

  StoredHistory(HistoryStore store, ChainsProperties chains, WalletFacts facts) {
    this.store = store;
    this.chains = chains;
    this.facts = facts;
  }

  /** One activity entry per (wallet, chain) whose facts a sync has read. */
  public List<io.credence.scoring.features.ChainActivity> activity(List<String> wallets) {
    return facts.activity(wallets, names());
  }

  private Map<Long, String> names() {
    return chains.chains().stream()
        .collect(Collectors.toMap(ChainsProperties.Chain::id, ChainsProperties.Chain::name));
  }

  /** The wallets' lending events at or before {@code asOf}. */
  public List<LendingEvent> lendingEvents(List<String> wallets, Instant asOf) {
    return HistoryNormaliser.lendingEvents(store.events(wallets), names()).stream()
        .filter(e -> !e.timestamp().isAfter(asOf))
        .toList();
  }
}
