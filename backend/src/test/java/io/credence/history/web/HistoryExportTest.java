package io.credence.history.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.Relation;
import io.credence.scoring.features.WalletActivity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credence-history v2 export: related wallets as relation, chain, USD and facts only. */
class HistoryExportTest {

  static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void relatedWalletsAreExportedInVersion2WithTheirFactsAndNoAddress() {
    LendingEvent liquidation =
        new LendingEvent(
            LendingEventType.LIQUIDATION,
            "demo-b",
            "aave-v3",
            "USDC",
            2000,
            AS_OF.minusSeconds(3600));
    PositionSnapshot debt = new PositionSnapshot("demo-b", "aave-v3", 3900, 0, 2000, 1.56);
    BorrowerHistory history =
        new BorrowerHistory(
            List.of(),
            new WalletActivity(List.of(), List.of()),
            AS_OF,
            List.of(
                new RelatedWallet(
                    Relation.FUNDED_BY, "demo-b", 5000, List.of(liquidation), List.of(debt)),
                new RelatedWallet(Relation.BOTH, "demo-a", 140, List.of(), List.of())));

    Map<String, Object> export = HistoryController.export(history);

    assertThat(export)
        .containsEntry("historyFormat", "credence-history")
        .containsEntry("formatVersion", 2)
        .containsKey("relatedWallets");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> related = (List<Map<String, Object>>) export.get("relatedWallets");
    assertThat(related).hasSize(2);
    assertThat(related.get(0).keySet())
        .as("no address, hash or name of the wallet")
        .containsExactly("relation", "chain", "transferredUsd", "events", "positions");
    assertThat(related.get(0))
        .containsEntry("relation", "funded-by")
        .containsEntry("chain", "demo-b")
        .containsEntry("transferredUsd", 5000.0);
    assertThat(related.get(1)).containsEntry("relation", "both");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) related.get(0).get("events");
    assertThat(events)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("type", "LIQUIDATION")
                    .containsEntry("amountUsd", 2000.0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> positions =
        (List<Map<String, Object>>) related.get(0).get("positions");
    assertThat(positions)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p).containsEntry("debtUsd", 2000.0).containsEntry("healthFactor", 1.56));
  }

  @Test
  void aHistoryWithoutRelatedWalletsExportsAnEmptyList() {
    Map<String, Object> export =
        HistoryController.export(
            new BorrowerHistory(List.of(), new WalletActivity(List.of(), List.of()), AS_OF));

    assertThat(export.get("relatedWallets")).isEqualTo(List.of());
  }
}
