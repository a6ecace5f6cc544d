package io.credence.scoring.simulation;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.WalletActivity;
import io.credence.scoring.simulation.MarketPath.Asset;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** One simulated borrower: latent traits, behaviour rules and the resulting event history. */
final class BorrowerAgent {

  static final Map<String, List<String>> PROTOCOLS_BY_CHAIN = protocols();
  private static final List<String> CHAINS = List.copyOf(PROTOCOLS_BY_CHAIN.keySet());
  private static final double DAILY_INTEREST = 0.07 / 365;
  private static final int MAX_POSITIONS = 3;

  private final SimulationConfig config;
  private final MarketPath market;
  private final SplittableRandom rng;
  private final int asOfDay;
  private final int days;

  // Latent traits, never shown to the model.
  private final double appetite; // (0, 1): how close to liquidation the borrower runs
  private final double skill; // standard normal: attention, discipline, liquidity

  private final double targetHealth;
  private final double alertHealth;
  private final double repayDiscipline; // monthly probability of a voluntary repayment
  private final double stressHazard; // daily probability of levering up for liquidity
  private final double wealth;
  private final int startDay;
  private final int monthPhase;

  private final List<Position> positions = new ArrayList<>();
  private final List<LendingEvent> events = new ArrayList<>();
  private final Set<String> lendingChains = new LinkedHashSet<>();
  private boolean defaulted;

  BorrowerAgent(SimulationConfig config, MarketPath market, int index) {
    this.config = config;
    this.market = market;
    this.rng = new SplittableRandom(mix(config.seed(), index));
    this.asOfDay = config.featureMonths() * MarketPath.DAYS_PER_MONTH;
    this.days = config.months() * MarketPath.DAYS_PER_MONTH;

    appetite = sigmoid(1.1 * gaussian());
    skill = gaussian();
    targetHealth = 1.12 + 1.9 * Math.pow(1 - appetite, 1.6) + 0.15 * Math.max(0, skill);
    alertHealth = 1.04 + 0.20 * sigmoid(1.5 * skill);
    repayDiscipline = sigmoid(1.3 * skill + 0.6 - 1.5 * appetite);
    stressHazard = 0.0008 * Math.exp(2.0 * appetite - 0.9 * skill);
    wealth = Math.exp(8.5 + 1.3 * gaussian());
    startDay = rng.nextDouble() < 0.35 ? 0 : rng.nextInt(18 * MarketPath.DAYS_PER_MONTH);
    monthPhase = rng.nextInt(MarketPath.DAYS_PER_MONTH);
  }

  SimulatedBorrower run() {
    WalletActivity activityAtAsOf = null;
    for (int day = 0; day < days; day++) {
      if (day == asOfDay) {
        activityAtAsOf = snapshot(day);
      }
      if (day < startDay) {
        continue;
      }
      if (day == startDay) {
        open(day);
      }
      if (day % MarketPath.DAYS_PER_MONTH == monthPhase) {
        monthlyDecisions(day);
      }
      daily(day);
    }
    return new SimulatedBorrower(
        new BorrowerHistory(events, activityAtAsOf, config.asOf()), defaulted, null);
  }

  private void monthlyDecisions(int day) {
    if (positions.size() < MAX_POSITIONS && rng.nextDouble() < 0.05 + 0.10 * appetite) {
      open(day);
    }
    for (Position p : List.copyOf(positions)) {
      double health = p.health(day);
      if (p.debt > 0 && health > targetHealth * 1.25 && rng.nextDouble() < 0.3 + 0.6 * appetite) {
        // Re-lever to the target after prices rose.
        borrow(
            p, day, p.collateralValue(day) * p.asset.liquidationThreshold / targetHealth - p.debt);
      }
      if (p.debt > 0 && rng.nextDouble() < repayDiscipline) {
        if (rng.nextDouble() < 0.15) {
          repay(p, day, p.debt);
          withdraw(p, day, p.units);
          positions.remove(p);
        } else {
          repay(p, day, p.debt * (0.1 + 0.4 * rng.nextDouble()));
        }
      }
    }
    if (positions.isEmpty() && rng.nextDouble() < 0.4) {
      open(day);
    }
  }

  private void daily(int day) {
    boolean stressed = rng.nextDouble() < stressHazard;
    for (Position p : List.copyOf(positions)) {
      p.debt *= 1 + DAILY_INTEREST;
      if (p.debt <= 0) {
        continue;
      }
      double health = p.health(day);
      if (health < 1) {
        liquidate(p, day);
      } else if (health < alertHealth && rng.nextDouble() < attentiveness(day)) {
        double desiredDebt = p.collateralValue(day) * p.asset.liquidationThreshold / targetHealth;
        if (rng.nextDouble() < liquidityOdds(day)) {
          repay(p, day, p.debt - desiredDebt);
        } else if (rng.nextDouble() < 0.5) {
          double neededCollateral =
              p.debt * targetHealth / p.asset.liquidationThreshold - p.collateralValue(day);
          supply(p, day, Math.min(neededCollateral, 0.5 * wealth));
        }
      } else if (stressed && !p.asset.stable()) {
        // A liquidity need: borrow close to the limit.
        stressed = false;
        double limit = p.collateralValue(day) * p.asset.liquidationThreshold;
        borrow(p, day, limit / (1.03 + 0.10 * rng.nextDouble()) - p.debt);
      }
    }
  }

  /**
   * Skill in use: newcomers make more mistakes. Experience grows linearly over the first year of
   * lending and removes a handicap of 0.8 standard deviations.
   */
  private double effectiveSkill(int day) {
    double experience = Math.min(1, Math.max(0, day - startDay) / 360.0);
    return skill - 0.8 * (1 - experience);
  }

  /** Daily probability of reacting when health is low. */
  private double attentiveness(int day) {
    return sigmoid(1.6 * effectiveSkill(day) - 0.4);
  }

  /** Probability of having the funds to repay (rather than add collateral) when reacting. */
  private double liquidityOdds(int day) {
    return sigmoid(1.0 * effectiveSkill(day) + 0.8 - appetite);
  }

  private void open(int day) {
    String chain =
        lendingChains.isEmpty() || rng.nextDouble() < 0.45 + 0.2 * sigmoid(skill)
            ? CHAINS.get(rng.nextInt(CHAINS.size()))
            : List.copyOf(lendingChains).get(0);
    List<String> protocols = PROTOCOLS_BY_CHAIN.get(chain);
    String protocol = protocols.get(rng.nextInt(protocols.size()));
    double stableOdds = 0.08 + 0.55 * Math.pow(1 - appetite, 2);
    Asset asset;
    if (rng.nextDouble() < stableOdds) {
      asset = rng.nextBoolean() ? Asset.USDC : Asset.DAI;
    } else {
      double u = rng.nextDouble();
      asset = u < 0.6 ? Asset.WETH : u < 0.9 ? Asset.WBTC : Asset.LINK;
    }
    Position p = new Position(chain, protocol, asset);
    positions.add(p);
    lendingChains.add(chain);
    double collateralUsd = wealth * (0.3 + 0.7 * rng.nextDouble());
    supply(p, day, collateralUsd);
    double health = targetHealth * (0.95 + 0.15 * rng.nextDouble());
    borrow(p, day, collateralUsd * asset.liquidationThreshold / health);
  }

  private void liquidate(Position p, int day) {
    double collateralValue = p.collateralValue(day);
    double covered = p.health(day) > 0.95 ? 0.5 * p.debt : p.debt;
    double seizedValue = Math.min(collateralValue, covered * 1.05);
    covered = seizedValue / 1.05;
    record(LendingEventType.LIQUIDATION, p, day, covered);
    p.units = Math.max(0, p.units - seizedValue / market.price(p.asset, day));
    p.debt = Math.max(0, p.debt - covered);
    if (day >= asOfDay) {
      defaulted = true;
    }
    if (p.units * market.price(p.asset, day) < 1e-6 || collateralValue < p.debt + covered) {
      // Under water: the rest is bad debt, written off by the protocol.
      positions.remove(p);
    }
  }

  private void supply(Position p, int day, double usd) {
    if (usd > 0) {
      p.units += usd / market.price(p.asset, day);
      record(LendingEventType.SUPPLY, p, day, usd);
    }
  }

  private void withdraw(Position p, int day, double units) {
    if (units > 0) {
      p.units = Math.max(0, p.units - units);
      record(LendingEventType.WITHDRAW, p, day, units * market.price(p.asset, day));
    }
  }

  private void borrow(Position p, int day, double usd) {
    if (usd > 1) {
      p.debt += usd;
      record(LendingEventType.BORROW, p, day, usd);
    }
  }

  private void repay(Position p, int day, double usd) {
    double amount = Math.min(usd, p.debt);
    if (amount > 1) {
      p.debt -= amount;
      record(LendingEventType.REPAY, p, day, amount);
    }
  }

  private void record(LendingEventType type, Position p, int day, double usd) {
    if (day < asOfDay) {
      String asset =
          type == LendingEventType.SUPPLY || type == LendingEventType.WITHDRAW
              ? p.asset.name()
              : "USDC";
      events.add(new LendingEvent(type, p.chain, p.protocol, asset, usd, instant(day)));
    }
  }

  /** Wallet facts and positions as the backend would read them at the scoring time. */
  private WalletActivity snapshot(int day) {
    List<PositionSnapshot> snapshots = new ArrayList<>();
    for (Position p : positions) {
      double value = Math.max(0, p.collateralValue(day));
      snapshots.add(
          new PositionSnapshot(
              p.chain,
              p.protocol,
              value,
              p.asset.stable() ? value : 0,
              Math.max(0, p.debt),
              p.debt > 0 ? p.health(day) : Double.POSITIVE_INFINITY));
    }
    // General wallet activity: older, more engaged wallets with more chains.
    double engagement = 0.5 * skill + 0.85 * gaussian();
    int walletAgeBeforeStart =
        (int) (rng.nextDouble() < 0.3 ? 0 : 365 * Math.exp(0.3 * skill - 0.2 + 0.8 * gaussian()));
    Set<String> activeChains = new LinkedHashSet<>(lendingChains);
    int extraChains = rng.nextDouble() < sigmoid(engagement) ? 1 + rng.nextInt(2) : 0;
    for (int i = 0; i < extraChains; i++) {
      activeChains.add(CHAINS.get(rng.nextInt(CHAINS.size())));
    }
    int firstDay =
        walletAgeBeforeStart == 0
            ? startDay - rng.nextInt(MarketPath.DAYS_PER_MONTH * 2)
            : -walletAgeBeforeStart;
    double monthlyTx = Math.exp(1.5 + 0.4 * engagement + 0.5 * gaussian());
    double activeOdds = sigmoid(engagement + 0.8);
    List<ChainActivity> chains = new ArrayList<>();
    boolean primary = true;
    for (String chain : activeChains.stream().sorted().toList()) {
      int chainFirstDay = primary ? firstDay : firstDay + rng.nextInt(Math.max(1, day - firstDay));
      primary = false;
      Set<YearMonth> months = new HashSet<>();
      long tx = 0;
      for (int d = chainFirstDay; d < day; d += MarketPath.DAYS_PER_MONTH) {
        if (d == chainFirstDay || rng.nextDouble() < activeOdds) {
          months.add(YearMonth.from(instant(d).atZone(ZoneOffset.UTC)));
          tx += 1 + poisson(monthlyTx);
        }
      }
      for (LendingEvent e : events) {
        if (e.chain().equals(chain) && e.type() != LendingEventType.LIQUIDATION) {
          months.add(YearMonth.from(e.timestamp().atZone(ZoneOffset.UTC)));
          tx++;
        }
      }
      chains.add(new ChainActivity(chain, instant(chainFirstDay), tx, months));
    }
    return new WalletActivity(chains, snapshots);
  }

  private Instant instant(int day) {
    return config.start().plusSeconds(86_400L * day + 3_600L * 12);
  }

  private double gaussian() {
    return MarketPath.gaussian(rng);
  }

  private long poisson(double mean) {
    if (mean > 30) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
    }
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Map<String, List<String>> protocols() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("ethereum", List.of("aave-v3", "compound-v3", "spark", "morpho-blue"));
    m.put("arbitrum", List.of("aave-v3", "compound-v3", "radiant"));
    m.put("base", List.of("aave-v3", "compound-v3", "moonwell"));
    m.put("polygon", List.of("aave-v3", "compound-v3"));
    m.put("optimism", List.of("aave-v3", "exactly"));
    return m;
  }

  /** An open lending position: one collateral asset, stablecoin debt. */
  private final class Position {
    final String chain;
    final String protocol;
    final Asset asset;
    double units;
    double debt;

    Position(String chain, String protocol, Asset asset) {
      this.chain = chain;
      this.protocol = protocol;
      this.asset = asset;
    }

    double collateralValue(int day) {
      return units * market.price(asset, day);
    }

    double health(int day) {
      return debt <= 0
          ? Double.POSITIVE_INFINITY
          : collateralValue(day) * asset.liquidationThreshold / debt;
    }
  }
}
