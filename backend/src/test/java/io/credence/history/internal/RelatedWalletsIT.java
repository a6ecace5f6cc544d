package io.credence.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.features.Relation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which counterparties of a borrower's linked wallets are related wallets, from stored transfers
 * and lending events (embedded PostgreSQL, no chain): the USD minimum, exclusions (the profile's
 * own linked wallets, configured exchanges), lending activity required, liquidated wallets first,
 * the bound of 32, the relation, and nothing after the scoring time.
 */
@SpringBootTest
class RelatedWalletsIT {

  static final long CHAIN = 31_499_001L;
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final AtomicInteger TX = new AtomicInteger();

  @Autowired JdbcClient jdbcClient;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainsProperties chains;
  @Autowired MarketSync markets;
  @Autowired StoredHistory stored;
  @Autowired Positions positions;
  @Autowired Clock clock;

  String linked;
  String otherLinked;

  @BeforeEach
  void freshWallets() {
    linked = address("a1");
    otherLinked = address("a2");
  }

  private RelatedWallets related(String... excluded) {
    return new RelatedWallets(
        jdbcClient,
        chains,
        new RelatedWalletsProperties(
            true, new BigDecimal("10"), new BigDecimal("100"), 32, 128, List.of(excluded)),
        markets,
        stored,
        positions,
        clock);
  }

  @Test
  void onlyCounterpartiesAboveTheMinimumWithLendingOfTheirOwnAndNotExcludedCount() {
    String withLending = address("b1");
    String noLending = address("b2");
    String small = address("b3");
    String exchange = address("b4");
    String payerOnly = address("b5");
    transfer(linked, withLending, "IN", "500", T0);
    transfer(linked, noLending, "IN", "9000", T0);
    transfer(linked, small, "IN", "60", T0);
    transfer(linked, small, "OUT", "39", T0); // 99 in all: below the minimum
    transfer(linked, exchange, "IN", "20000", T0);
    transfer(linked, otherLinked, "OUT", "7000", T0);
    transfer(linked, payerOnly, "IN", "800", T0);
    for (String w : List.of(withLending, small, exchange, otherLinked)) {
      event(w, "Borrow", "ACCOUNT", T0.minusSeconds(60));
    }
    event(payerOnly, "Repay", "PAYER", T0.minusSeconds(60)); // repaid for someone else only

    List<RelatedWallets.Counterparty> found =
        related(exchange.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x"))
            .counterparties(List.of(linked, otherLinked), null, T0, true, 32);

    assertThat(found).extracting(RelatedWallets.Counterparty::address).containsExactly(withLending);
    assertThat(found.get(0).transferredUsd()).isEqualByComparingTo("500");
    assertThat(found.get(0).relation()).isEqualTo(Relation.FUNDED_BY);
  }

  @Test
  void liquidatedWalletsComeFirstThenTheLargestTransfersAndAtMostTheBound() {
    List<String> expected = new ArrayList<>();
    String liquidated = address("c0");
    transfer(linked, liquidated, "OUT", "150", T0);
    event(liquidated, "LiquidationCall", "ACCOUNT", T0.minusSeconds(60));
    expected.add(liquidated);
    for (int i = 1; i <= 40; i++) {
      String w = address(String.format("c%02x", i));
      transfer(linked, w, "IN", Integer.toString(1000 + i), T0);
      event(w, "Supply", "ACCOUNT", T0.minusSeconds(60));
      expected.add(w);
    }

    List<RelatedWallets.Counterparty> found =
        related().counterparties(List.of(linked), null, T0, true, 32);

    assertThat(found).hasSize(32);
    assertThat(found.get(0).address()).as("adverse facts first").isEqualTo(liquidated);
    assertThat(found.get(0).liquidated()).isTrue();
    assertThat(found.get(0).relation()).isEqualTo(Relation.FUNDED);
    assertThat(found.subList(1, 32))
        .extracting(RelatedWallets.Counterparty::address)
        .as("then the largest transfers")
        .containsExactlyElementsOf(expected.reversed().subList(0, 31));
  }

  @Test
  void transfersBothWaysAreBothAndNothingAfterTheScoringTimeCounts() {
    String both = address("d1");
    String later = address("d2");
    transfer(linked, both, "IN", "70", T0);
    transfer(linked, both, "OUT", "70", T0);
    transfer(linked, later, "IN", "5000", T0.plusSeconds(3600));
    String lateLender = address("d3");
    transfer(linked, lateLender, "IN", "5000", T0);
    event(both, "Borrow", "ACCOUNT", T0.minusSeconds(60));
    event(later, "Borrow", "ACCOUNT", T0.minusSeconds(60));
    event(lateLender, "Borrow", "ACCOUNT", T0.plusSeconds(60)); // its lending starts after asOf

    List<RelatedWallets.Counterparty> found =
        related().counterparties(List.of(linked), null, T0, true, 32);

    assertThat(found)
        .singleElement()
        .extracting(RelatedWallets.Counterparty::relation)
        .isEqualTo(Relation.BOTH);
    assertThat(found.get(0).transferredUsd()).isEqualByComparingTo("140");
  }

  @Test
  void aHistoryCarriesNoRelatedWalletsWhenDisabledOrWithoutLinkedWallets() {
    String w = address("e1");
    transfer(linked, w, "IN", "5000", T0);
    event(w, "LiquidationCall", "ACCOUNT", T0.minusSeconds(60));
    RelatedWallets disabled =
        new RelatedWallets(
            jdbcClient,
            chains,
            new RelatedWalletsProperties(
                false, BigDecimal.TEN, new BigDecimal("100"), 32, 128, List.of()),
            markets,
            stored,
            positions,
            clock);

    assertThat(disabled.of(List.of(linked), T0)).isEmpty();
    assertThat(related().of(List.of(), T0)).isEmpty();
  }

  /** A fresh address per test run, recognisable by its tag. */
  private static String address(String tag) {
    String unique = Long.toHexString(System.nanoTime()) + tag;
    return "0x" + "0".repeat(40 - unique.length()) + unique;
  }

  private void transfer(
      String wallet, String counterparty, String direction, String usd, Instant at) {
    int n = TX.incrementAndGet();
    jdbc.update(
        "INSERT INTO history_transfer (chain_id, tx_hash, log_index, wallet, token, counterparty,"
            + " direction, amount, amount_usd, block_number, block_hash, block_time) VALUES (?, ?,"
            + " 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        CHAIN,
        String.format("0x%064x", System.nanoTime() + n),
        wallet,
        address("70"),
        counterparty,
        direction,
        new BigDecimal(usd).movePointRight(6),
        new BigDecimal(usd),
        n,
        String.format("0x%064x", n),
        Timestamp.from(at));
  }

  private void event(String wallet, String name, String role, Instant at) {
    int n = TX.incrementAndGet();
    jdbc.update(
        "INSERT INTO history_event (chain_id, tx_hash, log_index, wallet, market, protocol,"
            + " event_name, wallet_role, account, actor, asset, asset_symbol, asset_decimals, amount,"
            + " price_usd, amount_usd, block_number, block_hash, block_time) VALUES (?, ?, 0, ?, ?,"
            + " 'AAVE_V3', ?, ?, ?, ?, ?, 'USDC', 6, 1000000, 1, 1, ?, ?, ?)",
        CHAIN,
        String.format("0x%064x", System.nanoTime() + n),
        wallet,
        address("80"),
        name,
        role,
        wallet,
        wallet,
        address("70"),
        n,
        String.format("0x%064x", n),
        Timestamp.from(at));
  }
}
