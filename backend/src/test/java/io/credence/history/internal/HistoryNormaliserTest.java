package io.credence.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryNormaliserTest {

  private static int block;

  private static HistoryStore.StoredEvent comet(String name, Role role, long usdc) {
    return stored(Protocol.COMPOUND_V3, name, role, "USDC", usdc);
  }

  private static HistoryStore.StoredEvent stored(
      Protocol protocol, String name, Role role, String asset, long amount) {
    block++;
    return new HistoryStore.StoredEvent(
        31337,
        "0xwallet",
        "0xmarket",
        protocol,
        name,
        role,
        asset,
        BigInteger.valueOf(amount),
        0,
        BigDecimal.valueOf(amount),
        block,
        0,
        "0xtx" + block,
        Instant.ofEpochSecond(1_700_000_000L + block));
  }

  private static List<org.assertj.core.groups.Tuple> normalise(HistoryStore.StoredEvent... events) {
    return HistoryNormaliser.lendingEvents(List.of(events), Map.of(31337L, "anvil")).stream()
        .map(e -> tuple(e.type(), e.asset(), e.amountUsd()))
        .toList();
  }

  @Test
  void cometBaseWithdrawalsBelowZeroAreBorrowsAndSuppliesWhileNegativeAreRepayments() {
    assertThat(
            normalise(
                comet("Supply", Role.ACCOUNT, 100), // balance 100
                comet("Withdraw", Role.ACCOUNT, 300), // 100 withdrawn, 200 borrowed → -200
                comet("Supply", Role.ACCOUNT, 50), // repays 50 → -150
                comet("Supply", Role.ACCOUNT, 200), // repays 150, supplies 50 → 50
                comet("Withdraw", Role.ACCOUNT, 250), // 50 withdrawn, 200 borrowed → -200
                comet("AbsorbDebt", Role.ACCOUNT, 200),
                comet("AbsorbCollateral", Role.ACCOUNT, 400),
                comet("Withdraw", Role.ACCOUNT, 10))) // after absorb the balance is 0
        .containsExactly(
            tuple(LendingEventType.SUPPLY, "USDC", 100.0),
            tuple(LendingEventType.WITHDRAW, "USDC", 100.0),
            tuple(LendingEventType.BORROW, "USDC", 200.0),
            tuple(LendingEventType.REPAY, "USDC", 50.0),
            tuple(LendingEventType.REPAY, "USDC", 150.0),
            tuple(LendingEventType.SUPPLY, "USDC", 50.0),
            tuple(LendingEventType.WITHDRAW, "USDC", 50.0),
            tuple(LendingEventType.BORROW, "USDC", 200.0),
            tuple(LendingEventType.LIQUIDATION, "USDC", 200.0),
            tuple(LendingEventType.BORROW, "USDC", 10.0));
  }

  @Test
  void onlyTheAccountsOwnEventsCountAndFlashLoansHaveNoScoringType() {
    List<LendingEvent> events =
        HistoryNormaliser.lendingEvents(
            List.of(
                stored(Protocol.AAVE_V3, "Supply", Role.ACCOUNT, "WETH", 3000),
                stored(Protocol.AAVE_V3, "Repay", Role.PAYER, "USDC", 10),
                stored(Protocol.AAVE_V3, "FlashLoan", Role.ACCOUNT, "WETH", 9000),
                stored(Protocol.AAVE_V3, "LiquidationCall", Role.ACCOUNT, "USDC", 20),
                comet("AbsorbDebt", Role.LIQUIDATOR, 99)),
            Map.of(31337L, "anvil"));

    assertThat(events)
        .extracting(LendingEvent::type, LendingEvent::chain, LendingEvent::protocol)
        .containsExactly(
            tuple(LendingEventType.SUPPLY, "anvil", "aave-v3"),
            tuple(LendingEventType.LIQUIDATION, "anvil", "aave-v3"));
  }
}
