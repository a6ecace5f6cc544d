package io.credence.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedWalletTest {

  static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");

  static RelatedWallet wallet(Relation relation, double transferredUsd) {
    return new RelatedWallet(relation, "ethereum", transferredUsd, List.of(), List.of());
  }

  @Test
  void badInputIsRefusedWithAClearError() {
    assertThatThrownBy(() -> new RelatedWallet(null, "ethereum", 1, List.of(), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("relation");
    assertThatThrownBy(() -> new RelatedWallet(Relation.BOTH, " ", 1, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chain must not be blank");
    assertThatThrownBy(() -> wallet(Relation.BOTH, -0.01))
        .hasMessage("transferredUsd must be finite and >= 0, was -0.01");
    assertThatThrownBy(() -> wallet(Relation.BOTH, Double.NaN))
        .hasMessage("transferredUsd must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> wallet(Relation.BOTH, Double.POSITIVE_INFINITY))
        .hasMessage("transferredUsd must be finite and >= 0, was Infinity");
    assertThatThrownBy(() -> new RelatedWallet(Relation.BOTH, "ethereum", 1, null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("events");
    List<LendingEvent> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> new RelatedWallet(Relation.BOTH, "ethereum", 1, withNull, List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void listsAreCopiedAndTheChainIsStripped() {
    List<PositionSnapshot> positions = new ArrayList<>();
    RelatedWallet w = new RelatedWallet(Relation.FUNDED, " base ", 1, List.of(), positions);
    positions.add(new PositionSnapshot("base", "aave-v3", 1, 0, 0, Double.NaN));

    assertThat(w.chain()).isEqualTo("base");
    assertThat(w.positions()).isEmpty();
  }

  @Test
  void relationNamesOfTheHistoryFormatRoundTrip() {
    for (Relation r : Relation.values()) {
      assertThat(Relation.fromFormatName(r.formatName())).isEqualTo(r);
    }
    assertThat(Relation.FUNDED_BY.formatName()).isEqualTo("funded-by");
    assertThatThrownBy(() -> Relation.fromFormatName("FUNDED_BY"))
        .hasMessage("relation must be one of funded-by, funded, both, was 'FUNDED_BY'");
  }

  @Test
  void aLinkCountsFrom100UsdBothWays1000UsdSentOr10000UsdReceived() {
    assertThat(wallet(Relation.BOTH, 100).isCounted()).isTrue();
    assertThat(wallet(Relation.BOTH, 99.99).isCounted()).isFalse();
    assertThat(wallet(Relation.FUNDED, 1_000).isCounted()).isTrue();
    assertThat(wallet(Relation.FUNDED, 999.99).isCounted()).isFalse();
    assertThat(wallet(Relation.FUNDED_BY, 10_000).isCounted()).isTrue();
    assertThat(wallet(Relation.FUNDED_BY, 9_999.99).isCounted())
        .as("a stranger can send anyone tokens: lowering a score must cost them 10,000 USD")
        .isFalse();
  }

  @Test
  void aHistoryCarriesAtMost32RelatedWalletsAndTheOldConstructorMeansNone() {
    RelatedWallet w = wallet(Relation.BOTH, 100);
    BorrowerHistory none = new BorrowerHistory(List.of(), WalletActivity.NONE, AS_OF);

    assertThat(none.related()).isEmpty();
    assertThat(
            new BorrowerHistory(List.of(), WalletActivity.NONE, AS_OF, Collections.nCopies(32, w))
                .related())
        .hasSize(32);
    assertThatThrownBy(
            () ->
                new BorrowerHistory(
                    List.of(), WalletActivity.NONE, AS_OF, Collections.nCopies(33, w)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("33 related wallets, at most 32 accepted");
    assertThatThrownBy(() -> new BorrowerHistory(List.of(), WalletActivity.NONE, AS_OF, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("related");
  }
}
