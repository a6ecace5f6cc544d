package io.credence.scoring.features;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a borrower's lending history and wallet facts into a {@link FeatureVector}: a pure function
 * with no I/O, clock or randomness, so the same inputs always give the same vector.
 *
 * <p>Credit is what costs capital and time, not activity. Each borrow is a <em>loan</em>;
 * repayments and liquidations pay down the most recent open loans of the same (chain, protocol)
 * first, so a borrow-and-repay loop pays down itself. The part of a loan repaid within {@value
 * FeatureSchema#SHORT_CYCLE_HOURS} hours is a short cycle (flash or wash loop): it is reported by
 * {@link Feature#SHORT_CYCLE_SHARE} and left out of every credit feature. A loan whose remaining
 * part is below {@value FeatureSchema#DUST_USD} USD is dust and is not credit either.
 */
public final class FeatureExtractor {

  /**
   * Collateral seized per USD of debt covered in a liquidation, used only to keep the running
   * loan-to-value of {@link Feature#PEAK_LTV} plausible. 5% is the typical Aave v3 bonus.
   */
  static final double LIQUIDATION_COLLATERAL_FACTOR = 1.05;

  private static final double SECONDS_PER_DAY = 86_400;

  /** Events at the same instant: a flash loan is drawn before it is repaid. */
  private static final Comparator<LendingEvent> ORDER =
      Comparator.comparing(LendingEvent::timestamp)
          .thenComparing(e -> rank(e.type()))
          .thenComparing(e -> key(e.chain()))
          .thenComparing(e -> key(e.protocol()))
          .thenComparing(LendingEvent::asset)
          .thenComparingDouble(LendingEvent::amountUsd);

  private FeatureExtractor() {}

  /**
   * Extracts the features of one borrower, related wallets included: <b>a counted related wallet is
   * scored as if the borrower had linked it, except that it can only lower the score</b>.
   *
   * <p>Two vectors are extracted: the linked wallets alone ({@link #extract(List, WalletActivity,
   * Instant)}), and the linked wallets together with every {@linkplain RelatedWallet#isCounted()
   * counted} related wallet as if linked (its lending events in loan books of its own — its
   * repayments never pay down a linked wallet's loan — and its open positions). Each feature takes
   * the riskier of its two values (a missing value already is the riskiest, {@link
   * Feature#sanitize}). Because every feature's points are monotone in its risk direction, the
   * score is at most the linked-only score and at most the as-if-linked score: a related wallet's
   * liquidations, unpaid or liquidated debt, high loan-to-value and positions close to liquidation
   * cost points as if linked, and its positive activity (age, months, loans repaid, stablecoin
   * collateral) never adds any. Related wallets that are not counted are ignored; with none counted
   * the result equals the linked-only vector.
   *
   * @throws NullPointerException if {@code history} is null
   */
  public static FeatureVector extract(BorrowerHistory history) {
    FeatureVector linked = extract(history.events(), history.activity(), history.asOf());
    List<LendingEvent> events = new ArrayList<>(history.events());
    List<PositionSnapshot> positions = new ArrayList<>(history.activity().positions());
    Map<LendingEvent, Integer> walletOf = new IdentityHashMap<>();
    int wallet = 0;
    for (RelatedWallet r : history.related()) {
      if (!r.isCounted()) {
        continue;
      }
      wallet++;
      for (LendingEvent e : r.events()) {
        // A copy: the same event object may sit in two wallets' lists; each needs its own book.
        LendingEvent own =
            new LendingEvent(
                e.type(), e.chain(), e.protocol(), e.asset(), e.amountUsd(), e.timestamp());
        walletOf.put(own, wallet);
        events.add(own);
      }
      positions.addAll(r.positions());
    }
    if (wallet == 0) {
      return linked;
    }
    FeatureVector asIfLinked =
        extract(
            events,
            new WalletActivity(history.activity().chains(), positions),
            history.asOf(),
            walletOf);
    double[] v = new double[FeatureSchema.FEATURES.size()];
    for (Feature f : FeatureSchema.FEATURES) {
      v[f.ordinal()] = riskier(f, linked.get(f), asIfLinked.get(f));
    }
    return FeatureVector.of(v);
  }

  /** The riskier of two values of {@code f} (vector values: a missing one is already riskiest). */
  private static double riskier(Feature f, double a, double b) {
    return f.riskDirection() == Feature.RiskDirection.RISES ? Math.max(a, b) : Math.min(a, b);
  }

  /**
   * Extracts the features of one borrower (all linked wallets and chains together).
   *
   * <p>Events after {@code asOf} are ignored; activity months count only completed months (before
   * the month of {@code asOf}), so activity bought in the scoring month adds nothing. The events
   * may come in any order. Positions are taken to be current at {@code asOf}. Each feature's
   * definition is on {@link Feature}; a value that cannot be known (no credit loan yet, say) is
   * missing and gets the riskiest value.
   *
   * @param events normalized lending events of all linked wallets, in any order
   * @param activity general wallet activity and current positions
   * @param asOf the scoring time
   * @return the feature vector
   * @throws NullPointerException if an argument or a list element is null
   */
  public static FeatureVector extract(
      List<LendingEvent> events, WalletActivity activity, Instant asOf) {
    return extract(events, activity, asOf, Map.of());
  }

  /**
   * @param walletOf the wallet of an event whose loans are booked apart from the linked wallets'
   *     (related wallets: 1, 2, ...); absent means a linked wallet
   */
  private static FeatureVector extract(
      List<LendingEvent> events,
      WalletActivity activity,
      Instant asOf,
      Map<LendingEvent, Integer> walletOf) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(asOf, "asOf");

    List<LendingEvent> history = new ArrayList<>(events.size());
    for (LendingEvent e : events) {
      if (!Objects.requireNonNull(e, "event").timestamp().isAfter(asOf)) {
        history.add(e);
      }
    }
    history.sort(ORDER);
    YearMonth asOfMonth = YearMonth.from(asOf.atZone(ZoneOffset.UTC));

    Instant earliest = null;
    Set<YearMonth> months = new HashSet<>();
    long txCount = 0;
    for (ChainActivity c : activity.chains()) {
      if (c.firstTransactionAt() != null && !c.firstTransactionAt().isAfter(asOf)) {
        earliest = min(earliest, c.firstTransactionAt());
      }
      for (YearMonth m : c.activeMonths()) {
        if (m.isBefore(asOfMonth)) {
          months.add(m);
        }
      }
      txCount += c.transactionCount();
    }
    for (LendingEvent e : history) {
      earliest = min(earliest, e.timestamp());
      YearMonth month = YearMonth.from(e.timestamp().atZone(ZoneOffset.UTC));
      if (month.isBefore(asOfMonth)) {
        months.add(month);
      }
    }

    Loans loans = Loans.match(history, asOf, walletOf);
    double peakLtv = loans.peakLtv;
    double collateral = 0;
    double stableCollateral = 0;
    double minHealth = Feature.MIN_HEALTH_FACTOR.max(); // no debt: cannot be liquidated
    for (PositionSnapshot p : activity.positions()) {
      if (p.collateralUsd() >= FeatureSchema.DUST_USD) {
        collateral += p.collateralUsd();
        if (p.stablecoinCollateralUsd() >= FeatureSchema.DUST_USD) {
          stableCollateral += p.stablecoinCollateralUsd();
        }
      }
      if (p.debtUsd() > 0) {
        minHealth = Math.min(minHealth, p.healthFactor());
        if (p.collateralUsd() > 0) {
          peakLtv = maxOrNaN(peakLtv, p.debtUsd() / p.collateralUsd());
        }
      }
    }

    double[] v = new double[FeatureSchema.FEATURES.size()];
    v[Feature.WALLET_AGE_DAYS.ordinal()] = earliest == null ? Double.NaN : days(earliest, asOf);
    v[Feature.ACTIVE_MONTHS.ordinal()] = months.size();
    v[Feature.TX_COUNT.ordinal()] =
        Math.min(txCount, (long) FeatureSchema.TX_PER_ACTIVE_MONTH * months.size());
    v[Feature.CREDIT_CHAINS.ordinal()] = loans.creditChains.size();
    v[Feature.CREDIT_PROTOCOLS.ordinal()] = loans.creditProtocols.size();
    v[Feature.CREDIT_HISTORY_DAYS.ordinal()] =
        loans.firstCredit == null ? 0 : days(loans.firstCredit, asOf);
    double due = loans.repaidDebtDays + loans.liquidatedDebtDays + loans.openDueDebtDays;
    v[Feature.REPAID_SHARE.ordinal()] = due > 0 ? loans.repaidDebtDays / due : Double.NaN;
    v[Feature.LIQUIDATION_COUNT.ordinal()] = loans.liquidations;
    v[Feature.LIQUIDATED_SHARE.ordinal()] =
        loans.creditBorrowed > 0
            ? Math.min(1, loans.liquidatedUsd / loans.creditBorrowed)
            : (loans.liquidations > 0 ? 1 : 0);
    v[Feature.DAYS_SINCE_LAST_LIQUIDATION.ordinal()] =
        loans.lastLiquidation == null
            ? Feature.DAYS_SINCE_LAST_LIQUIDATION.max()
            : days(loans.lastLiquidation, asOf);
    v[Feature.MIN_HEALTH_FACTOR.ordinal()] = minHealth;
    v[Feature.PEAK_LTV.ordinal()] = peakLtv;
    v[Feature.STABLECOIN_COLLATERAL_SHARE.ordinal()] =
        collateral > 0 ? Math.floor(10 * stableCollateral / collateral + 1e-9) / 10 : 0;
    v[Feature.SHORT_CYCLE_SHARE.ordinal()] =
        loans.borrowed > 0 ? loans.shortCycleUsd / loans.borrowed : 0;
    return FeatureVector.of(v);
  }

  /** The loan book of one borrower: every borrow matched against what paid it down. */
  private static final class Loans {
    double borrowed;
    double shortCycleUsd;
    double creditBorrowed;
    double liquidatedUsd;
    int liquidations;
    Instant lastLiquidation;
    Instant firstCredit;
    double repaidDebtDays;
    double liquidatedDebtDays;
    double openDueDebtDays;
    double peakLtv = Double.NaN;
    final Set<String> creditChains = new HashSet<>();
    final Set<String> creditProtocols = new HashSet<>();

    /** One borrow event and what became of it. */
    private static final class Loan {
      final LendingEvent borrow;
      double open;
      double shortCycle;
      double repaidDebtDays;
      double liquidatedDebtDays;

      Loan(LendingEvent borrow) {
        this.borrow = borrow;
        this.open = borrow.amountUsd();
      }

      boolean isCredit() {
        return borrow.amountUsd() - shortCycle >= FeatureSchema.DUST_USD;
      }
    }

    static Loans match(
        List<LendingEvent> history, Instant asOf, Map<LendingEvent, Integer> walletOf) {
      Loans book = new Loans();
      Map<String, Deque<Loan>> openByMarket = new HashMap<>();
      List<Loan> all = new ArrayList<>();
      // Per event, the USD that is a short cycle (borrows: filled in when the loop closes).
      Map<LendingEvent, Loan> loanOf = new IdentityHashMap<>();
      double[] shortCycleOfRepay = new double[history.size()];
      for (int i = 0; i < history.size(); i++) {
        LendingEvent e = history.get(i);
        Deque<Loan> open =
            openByMarket.computeIfAbsent(market(e, walletOf), k -> new ArrayDeque<>());
        switch (e.type()) {
          case BORROW -> {
            Loan loan = new Loan(e);
            open.push(loan);
            all.add(loan);
            loanOf.put(e, loan);
            book.borrowed += e.amountUsd();
          }
          case REPAY -> shortCycleOfRepay[i] = book.payDown(open, e, false);
          case LIQUIDATION -> {
            book.liquidations++;
            book.liquidatedUsd += e.amountUsd();
            book.lastLiquidation = e.timestamp();
            book.payDown(open, e, true);
          }
          case SUPPLY, WITHDRAW -> {}
        }
      }
      for (Loan loan : all) {
        book.shortCycleUsd += loan.shortCycle;
        if (!loan.isCredit()) {
          continue;
        }
        book.creditBorrowed += loan.borrow.amountUsd() - loan.shortCycle;
        book.firstCredit = min(book.firstCredit, loan.borrow.timestamp());
        book.creditChains.add(key(loan.borrow.chain()));
        book.creditProtocols.add(key(loan.borrow.protocol()));
        book.repaidDebtDays += loan.repaidDebtDays;
        book.liquidatedDebtDays += loan.liquidatedDebtDays;
        double age = fractionalDays(loan.borrow.timestamp(), asOf);
        if (loan.open > 0 && age >= FeatureSchema.SEASONING_DAYS) {
          book.openDueDebtDays += loan.open * weightDays(age);
        }
      }
      book.peakLtv = peakLtv(history, loanOf, shortCycleOfRepay, walletOf);
      return book;
    }

    /**
     * Pays down the most recent open loans of the market. Returns the USD of the payment that
     * closed short cycles (a repayment within {@value FeatureSchema#SHORT_CYCLE_HOURS} hours).
     */
    private double payDown(Deque<Loan> open, LendingEvent e, boolean liquidation) {
      double remaining = e.amountUsd();
      double shortCycle = 0;
      while (remaining > 0 && !open.isEmpty()) {
        Loan loan = open.peek();
        double part = Math.min(remaining, loan.open);
        double held = fractionalDays(loan.borrow.timestamp(), e.timestamp());
        if (liquidation) {
          loan.liquidatedDebtDays += part * weightDays(held);
        } else if (held * 24 < FeatureSchema.SHORT_CYCLE_HOURS) {
          loan.shortCycle += part;
          shortCycle += part;
        } else {
          loan.repaidDebtDays += part * weightDays(held);
        }
        loan.open -= part;
        remaining -= part;
        if (loan.open <= 1e-9) {
          open.pop();
        }
      }
      return shortCycle; // any rest repaid interest or debt from before the history: ignored
    }

    /** Highest loan-to-value of credit debt per market, short cycles left out. */
    private static double peakLtv(
        List<LendingEvent> history,
        Map<LendingEvent, Loan> loanOf,
        double[] shortCycleOfRepay,
        Map<LendingEvent, Integer> walletOf) {
      double peak = Double.NaN;
      Map<String, double[]> markets = new HashMap<>(); // market -> {collateral, debt}
      for (int i = 0; i < history.size(); i++) {
        LendingEvent e = history.get(i);
        double[] m = markets.computeIfAbsent(market(e, walletOf), k -> new double[2]);
        double amount = e.amountUsd();
        switch (e.type()) {
          case SUPPLY -> m[0] += amount;
          case WITHDRAW -> m[0] = Math.max(0, m[0] - amount);
          case BORROW -> m[1] += amount - loanOf.get(e).shortCycle;
          case REPAY -> m[1] = Math.max(0, m[1] - (amount - shortCycleOfRepay[i]));
          case LIQUIDATION -> {
            m[1] = Math.max(0, m[1] - amount);
            m[0] = Math.max(0, m[0] - amount * LIQUIDATION_COLLATERAL_FACTOR);
          }
        }
        if (m[0] > 0 && m[1] >= FeatureSchema.DUST_USD) {
          peak = maxOrNaN(peak, m[1] / m[0]);
        }
      }
      return peak;
    }
  }

  private static double weightDays(double days) {
    return Math.min(days, FeatureSchema.MAX_WEIGHT_DAYS);
  }

  private static int rank(LendingEventType type) {
    return switch (type) {
      case SUPPLY -> 0;
      case BORROW -> 1;
      case REPAY -> 2;
      case WITHDRAW -> 3;
      case LIQUIDATION -> 4;
    };
  }

  /** A loan book: (chain, protocol) of the linked wallets, or of one related wallet. */
  private static String market(LendingEvent e, Map<LendingEvent, Integer> walletOf) {
    return key(e.chain()) + '|' + key(e.protocol()) + '|' + walletOf.getOrDefault(e, 0);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static double maxOrNaN(double current, double candidate) {
    return Double.isNaN(current) ? candidate : Math.max(current, candidate);
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }

  private static double fractionalDays(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds() / SECONDS_PER_DAY;
  }
}
