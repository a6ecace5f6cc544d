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

  StoredHistory(HistoryStore store, ChainsProperties chains) {
    this.store = store;
    this.chains = chains;
  }

  /** The wallets' lending events at or before {@code asOf}. */
  public List<LendingEvent> lendingEvents(List<String> wallets, Instant asOf) {
    Map<Long, String> names =
        chains.chains().stream()
            .collect(Collectors.toMap(ChainsProperties.Chain::id, ChainsProperties.Chain::name));
    return HistoryNormaliser.lendingEvents(store.events(wallets), names).stream()
        .filter(e -> !e.timestamp().isAfter(asOf))
        .toList();
  }
}
