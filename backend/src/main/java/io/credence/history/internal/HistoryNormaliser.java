package io.credence.history.internal;

import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stored protocol events → the scoring model's {@link LendingEvent}s. Only events where the wallet
 * is the {@link Role#ACCOUNT} count (what a payer or liquidator did is not their own credit
 * history); flash loans are read and stored but have no scoring type.
 *
 * <p>Aave v3 maps one to one: Supply → SUPPLY, Withdraw → WITHDRAW, Borrow → BORROW, Repay → REPAY,
 * LiquidationCall → LIQUIDATION (the debt covered).
 *
 * <p>Compound v3 has no borrow or repay events: the base asset's {@code Withdraw} that takes the
 * account's base balance below zero is a borrow, and a {@code Supply} while it is negative is a
 * repayment. The normaliser replays each (wallet, chain, market)'s base events in chain order from
 * a zero balance: a withdrawal of {@code a} with balance {@code b} is WITHDRAW {@code min(a,
 * max(b,0))} plus BORROW of the rest; a supply of {@code a} with {@code b < 0} is REPAY {@code
 * min(a, -b)} plus SUPPLY of the rest; {@code AbsorbDebt} is LIQUIDATION of {@code basePaidOut} and
 * resets the balance to zero. {@code SupplyCollateral}/{@code WithdrawCollateral} are
 * SUPPLY/WITHDRAW; {@code AbsorbCollateral} adds no event (the liquidation is counted once). The
 * replay ignores accrued interest (the events carry principal movements only), so a repayment that
 * includes interest shows its interest part as a supply.
 */
final class HistoryNormaliser {

  private HistoryNormaliser() {}

  /**
   * @param events stored events in chain order per (chain, market, wallet), as {@link
   *     HistoryStore#events} returns them
   * @param chainNames chain id → exported chain name
   */
  static List<LendingEvent> lendingEvents(
      List<HistoryStore.StoredEvent> events, Map<Long, String> chainNames) {
    List<LendingEvent> out = new ArrayList<>();
    String position = null;
    BigInteger balance = BigInteger.ZERO;
    for (HistoryStore.StoredEvent e : events) {
      if (e.role() != Role.ACCOUNT) {
        continue;
      }
      String key = e.chainId() + "/" + e.market() + "/" + e.wallet();
      if (!key.equals(position)) {
        position = key;
        balance = BigInteger.ZERO;
      }
      String chain = chainNames.getOrDefault(e.chainId(), "evm-" + e.chainId());
      String protocol = e.protocol() == Protocol.AAVE_V3 ? "aave-v3" : "compound-v3";
      switch (e.protocol()) {
        case AAVE_V3 -> {
          LendingEventType type =
              switch (e.eventName()) {
                case "Supply" -> LendingEventType.SUPPLY;
                case "Withdraw" -> LendingEventType.WITHDRAW;
                case "Borrow" -> LendingEventType.BORROW;
                case "Repay" -> LendingEventType.REPAY;
                case "LiquidationCall" -> LendingEventType.LIQUIDATION;
                default -> null; // FlashLoan
              };
          if (type != null) {
            out.add(event(type, chain, protocol, e, e.amount()));
          }
        }
        case COMPOUND_V3 -> {
          switch (e.eventName()) {
            case "SupplyCollateral" ->
                out.add(event(LendingEventType.SUPPLY, chain, protocol, e, e.amount()));
            case "WithdrawCollateral" ->
                out.add(event(LendingEventType.WITHDRAW, chain, protocol, e, e.amount()));
            case "Withdraw" -> {
              BigInteger fromBalance = e.amount().min(balance.max(BigInteger.ZERO));
              add(out, LendingEventType.WITHDRAW, chain, protocol, e, fromBalance);
              add(
                  out,
                  LendingEventType.BORROW,
                  chain,
                  protocol,
                  e,
                  e.amount().subtract(fromBalance));
              balance = balance.subtract(e.amount());
            }
            case "Supply" -> {
              BigInteger repaid =
                  balance.signum() < 0 ? e.amount().min(balance.negate()) : BigInteger.ZERO;
              add(out, LendingEventType.REPAY, chain, protocol, e, repaid);
              add(out, LendingEventType.SUPPLY, chain, protocol, e, e.amount().subtract(repaid));
              balance = balance.add(e.amount());
            }
            case "AbsorbDebt" -> {
              out.add(event(LendingEventType.LIQUIDATION, chain, protocol, e, e.amount()));
              balance = BigInteger.ZERO;
            }
            default -> {} // AbsorbCollateral: counted by its AbsorbDebt
          }
        }
      }
    }
    return out;
  }

  private static void add(
      List<LendingEvent> out,
      LendingEventType type,
      String chain,
      String protocol,
      HistoryStore.StoredEvent e,
      BigInteger part) {
    if (part.signum() > 0) {
      out.add(event(type, chain, protocol, e, part));
    }
  }

  /** The part's USD value: the event's USD value pro rata. */
  private static LendingEvent event(
      LendingEventType type,
      String chain,
      String protocol,
      HistoryStore.StoredEvent e,
      BigInteger part) {
    BigDecimal usd =
        e.amount().signum() == 0
            ? BigDecimal.ZERO
            : e.amountUsd()
                .multiply(new BigDecimal(part))
                .divide(new BigDecimal(e.amount()), MathContext.DECIMAL64);
    return new LendingEvent(
        type, chain, protocol, e.assetSymbol(), usd.doubleValue(), e.blockTime());
  }
}
