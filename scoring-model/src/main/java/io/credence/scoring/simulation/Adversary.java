package io.credence.scoring.simulation;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.WalletActivity;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Score-gaming strategies a borrower can run cheaply (gas and minutes, no capital at risk and no
 * waiting), applied to an honest history just before the scoring time. Gaming changes what the
 * model sees, never the borrower's risk: a gamed borrower keeps the outcome of the honest one.
 *
 * <p>These are the strategies of the model-risk review (issue 13) and the trust model of the
 * design: each is a pure function of the history and a seeded random stream.
 */
public enum Adversary {
  /**
   * Borrow-and-repay loops: 25 loans of 1,000-33,000 USD on a market the borrower already uses,
   * each repaid 60-120 seconds later (five of them in the same block: flash loans), spread over the
   * last 60 days.
   */
  WASH_TRADER("borrow-and-repay loops repaid within two minutes (25 loops, 5 in one block)"),
  /** 1 USDC of stablecoin collateral supplied to a market the borrower already uses. */
  DUST_COLLATERAL("1 USDC of stablecoin collateral added to an existing position"),
  /** 400 cheap transactions on a new L2 plus one on each of two more new chains, this month. */
  TX_SPAMMER("400 transactions on a new L2 and one on each of two more new chains, this month"),
  /**
   * The borrower abandons their history and presents a fresh wallet: 91-120 days old, three
   * transactions, one 10 USD loan repaid a minute later.
   */
  THIN_FILE_FARMER(
      "a fresh 91-120-day wallet: 3 transactions, one 10 USD loan repaid a minute later"),
  /**
   * The borrower links only the wallets (chains) on which they were never liquidated. A hidden
   * wallet that is directly related by transfers to a linked one (its {@link WalletFunding}) is
   * found by the sync and exported as a related wallet with all its lending events and positions;
   * the others were funded through an exchange and stay invisible.
   */
  CLEAN_WALLETS_ONLY(
      "links only the wallets (chains) without a liquidation; the sync finds the hidden ones"
          + " related by direct transfers"),
  /**
   * As {@link #CLEAN_WALLETS_ONLY}, but every hidden wallet was funded through an exchange: no
   * direct transfer relates it to a linked wallet, so nothing of it can be seen.
   */
  CLEAN_WALLETS_VIA_EXCHANGE(
      "links only the wallets (chains) without a liquidation, having funded the hidden ones"
          + " through an exchange (undetectable)");

  private final String description;

  Adversary(String description) {
    this.description = description;
  }

  /** What the strategy does, in one line. */
  public String description() {
    return description;
  }

  /**
   * The history the borrower shows after gaming, when no wallet is directly related to another
   * (every wallet funded through an exchange): {@code apply(honest, List.of(), rng)}.
   */
  public BorrowerHistory apply(BorrowerHistory honest, SplittableRandom rng) {
    return apply(honest, List.of(), rng);
  }

  /**
   * The history the borrower shows after gaming. Returns {@code honest} itself when the strategy
   * does not apply (for the clean-wallet strategies: nothing to hide, or nothing left to show).
   *
   * @param directLinks the borrower's wallets (chains) directly related by transfers to another of
   *     their wallets ({@link SimulatedBorrower#directLinks}); only {@link #CLEAN_WALLETS_ONLY}
   *     reads them
   */
  public BorrowerHistory apply(
      BorrowerHistory honest, List<WalletFunding> directLinks, SplittableRandom rng) {
    return switch (this) {
      case WASH_TRADER -> washLoops(honest, rng);
      case DUST_COLLATERAL -> dust(honest);
      case TX_SPAMMER -> spam(honest);
      case THIN_FILE_FARMER -> thinFile(honest, rng);
      case CLEAN_WALLETS_ONLY -> cleanWalletsOnly(honest, directLinks);
      case CLEAN_WALLETS_VIA_EXCHANGE -> cleanWalletsOnly(honest, List.of());
    };
  }

  private static BorrowerHistory washLoops(BorrowerHistory h, SplittableRandom rng) {
    String[] market = firstMarket(h);
    List<LendingEvent> events = new ArrayList<>(h.events());
    for (int i = 0; i < 25; i++) {
      double usd = Math.round(1_000 * Math.exp(3.5 * rng.nextDouble()));
      Instant borrowAt = h.asOf().minusSeconds(60 + rng.nextLong(60L * 86_400));
      Instant repayAt = i < 5 ? borrowAt : borrowAt.plusSeconds(60 + rng.nextLong(61));
      events.add(event(LendingEventType.BORROW, market, "USDC", usd, borrowAt));
      events.add(event(LendingEventType.REPAY, market, "USDC", usd, repayAt));
    }
    return new BorrowerHistory(events, h.activity(), h.asOf());
  }

  private static BorrowerHistory dust(BorrowerHistory h) {
    String[] market = firstMarket(h);
    List<LendingEvent> events = new ArrayList<>(h.events());
    events.add(event(LendingEventType.SUPPLY, market, "USDC", 1, h.asOf().minusSeconds(3_600)));
    List<PositionSnapshot> positions = new ArrayList<>();
    boolean added = false;
    for (PositionSnapshot p : h.activity().positions()) {
      if (!added && p.chain().equals(market[0]) && p.protocol().equals(market[1])) {
        positions.add(
            new PositionSnapshot(
                p.chain(),
                p.protocol(),
                p.collateralUsd() + 1,
                p.stablecoinCollateralUsd() + 1,
                p.debtUsd(),
                p.healthFactor()));
        added = true;
      } else {
        positions.add(p);
      }
    }
    if (!added) {
      positions.add(new PositionSnapshot(market[0], market[1], 1, 1, 0, Double.POSITIVE_INFINITY));
    }
    return new BorrowerHistory(
        events, new WalletActivity(h.activity().chains(), positions), h.asOf());
  }

  private static BorrowerHistory spam(BorrowerHistory h) {
    Instant at = h.asOf().minusSeconds(86_400);
    Set<YearMonth> month = Set.of(YearMonth.from(at.atZone(ZoneOffset.UTC)));
    List<ChainActivity> chains = new ArrayList<>(h.activity().chains());
    chains.add(new ChainActivity("zksync", at, 400, month));
    chains.add(new ChainActivity("linea", at, 1, month));
    chains.add(new ChainActivity("scroll", at, 1, month));
    return new BorrowerHistory(
        h.events(), new WalletActivity(chains, h.activity().positions()), h.asOf());
  }

  private static BorrowerHistory thinFile(BorrowerHistory h, SplittableRandom rng) {
    Instant first = h.asOf().minusSeconds(86_400L * (91 + rng.nextInt(30)));
    String[] market = {"base", "aave-v3"};
    double collateral = Math.round(50 + 450 * rng.nextDouble());
    Instant supplyAt = first.plusSeconds(86_400);
    Instant borrowAt = supplyAt.plusSeconds(600);
    List<LendingEvent> events =
        List.of(
            event(LendingEventType.SUPPLY, market, "WETH", collateral, supplyAt),
            event(LendingEventType.BORROW, market, "USDC", 10, borrowAt),
            event(LendingEventType.REPAY, market, "USDC", 10, borrowAt.plusSeconds(60)));
    Set<YearMonth> months = new HashSet<>();
    for (Instant t : List.of(first, supplyAt, borrowAt)) {
      months.add(YearMonth.from(t.atZone(ZoneOffset.UTC)));
    }
    var activity =
        new WalletActivity(
            List.of(new ChainActivity(market[0], first, 3, months)),
            List.of(
                new PositionSnapshot(
                    market[0], market[1], collateral, 0, 0, Double.POSITIVE_INFINITY)));
    return new BorrowerHistory(events, activity, h.asOf());
  }

  private static BorrowerHistory cleanWalletsOnly(
      BorrowerHistory h, List<WalletFunding> directLinks) {
    Set<String> liquidated = new HashSet<>();
    for (LendingEvent e : h.events()) {
      if (e.type() == LendingEventType.LIQUIDATION && !e.timestamp().isAfter(h.asOf())) {
        liquidated.add(key(e.chain()));
      }
    }
    if (liquidated.isEmpty()) {
      return h;
    }
    List<LendingEvent> events =
        h.events().stream().filter(e -> !liquidated.contains(key(e.chain()))).toList();
    if (events.isEmpty()) {
      return h; // every lending wallet was liquidated: nothing clean to show
    }
    var activity =
        new WalletActivity(
            h.activity().chains().stream()
                .filter(c -> !liquidated.contains(key(c.chain())))
                .toList(),
            h.activity().positions().stream()
                .filter(p -> !liquidated.contains(key(p.chain())))
                .toList());
    List<RelatedWallet> related = new ArrayList<>();
    for (WalletFunding link : directLinks) {
      String chain = key(link.chain());
      if (liquidated.contains(chain)) {
        related.add(
            new RelatedWallet(
                link.relation(),
                link.chain(),
                link.transferredUsd(),
                h.events().stream().filter(e -> key(e.chain()).equals(chain)).toList(),
                h.activity().positions().stream()
                    .filter(p -> key(p.chain()).equals(chain))
                    .toList()));
      }
    }
    return new BorrowerHistory(events, activity, h.asOf(), related);
  }

  /** The (chain, protocol) of the borrower's first borrow, or ethereum/aave-v3. */
  private static String[] firstMarket(BorrowerHistory h) {
    return h.events().stream()
        .filter(e -> e.type() == LendingEventType.BORROW)
        .min((a, b) -> a.timestamp().compareTo(b.timestamp()))
        .map(e -> new String[] {e.chain(), e.protocol()})
        .orElse(new String[] {"ethereum", "aave-v3"});
  }

  private static LendingEvent event(
      LendingEventType type, String[] market, String asset, double usd, Instant at) {
    return new LendingEvent(type, market[0], market[1], asset, usd, at);
  }

  private static String key(String chain) {
    return chain.toLowerCase(Locale.ROOT);
  }
}
