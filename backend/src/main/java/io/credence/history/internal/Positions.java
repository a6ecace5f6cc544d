package io.credence.history.internal;

import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.PositionSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Each wallet's open lending positions at the scoring time, read by {@code eth_call} at the newest
 * confirmed block mined at or before it (docs/history.md, "Positions"):
 *
 * <ul>
 *   <li>Aave v3: {@code Pool.getUserAccountData(wallet)} — total collateral and debt in the
 *       oracle's base currency (USD, 8 decimals) and the health factor (18 decimals). It does not
 *       split collateral by asset, so the stablecoin part is not known and reported as 0.
 *   <li>Compound v3: {@code borrowBalanceOf(wallet)} priced with the base token's feed; every
 *       collateral asset ({@code numAssets}, {@code getAssetInfo(i)}) by {@code
 *       collateralBalanceOf(wallet, asset)} priced with its feed; the health factor is the
 *       collateral weighted by each asset's {@code liquidateCollateralFactor} over the debt (below
 *       1 Comet may absorb the account), as Aave's is defined.
 * </ul>
 *
 * Only markets where a wallet has stored events as the account (up to {@code asOf}) are read: a
 * position needs such an event (a supply or borrow for the wallet), so other markets and chains —
 * including a chain that is down and on which the borrower has nothing — cost no calls. A market
 * where the wallet has neither collateral nor debt any more gives no position.
 */
@Component
public class Positions {

  private static final BigDecimal USD_8 = BigDecimal.TEN.pow(8);
  private static final BigDecimal WAD = BigDecimal.TEN.pow(18);
  private static final BigInteger NO_DEBT_HEALTH = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  private static final TypeReference<Uint256> UINT = new TypeReference<>() {};
  private static final TypeReference<Address> ADDRESS = new TypeReference<>() {};

  private final ChainsProperties chains;
  private final AssetPrices prices;
  private final HistoryStore store;
  private final ConcurrentHashMap<Long, ChainReader> readers = new ConcurrentHashMap<>();

  Positions(ChainsProperties chains, AssetPrices prices, HistoryStore store) {
    this.chains = chains;
    this.prices = prices;
    this.store = store;
  }

  private record Held(String market, String wallet) {}

  /**
   * The wallets' positions on every configured chain at {@code asOf}.
   *
   * @param wallets lower-case EVM addresses (as stored)
   * @throws ChainReadException if a chain cannot be read (the positions would be incomplete)
   */
  public List<PositionSnapshot> at(List<String> wallets, Instant asOf) {
    return read(wallets, asOf).stream().map(WalletPosition::position).toList();
  }

  /** One wallet's position (the history module's own use: related wallets). */
  record WalletPosition(String wallet, PositionSnapshot position) {}

  /**
   * Each wallet's positions at {@code asOf}, as {@link #at} reads them.
   *
   * @throws ChainReadException if a chain cannot be read
   */
  Map<String, List<WalletPosition>> byWallet(List<String> wallets, Instant asOf) {
    return read(wallets, asOf).stream()
        .collect(java.util.stream.Collectors.groupingBy(WalletPosition::wallet));
  }

  private List<WalletPosition> read(List<String> wallets, Instant asOf) {
    Map<Long, Set<Held>> held = new HashMap<>();
    for (HistoryStore.StoredEvent e : store.events(wallets)) {
      if (e.role() == Role.ACCOUNT && !e.blockTime().isAfter(asOf)) {
        held.computeIfAbsent(e.chainId(), id -> new TreeSet<>(HELD_ORDER))
            .add(new Held(e.market(), e.wallet()));
      }
    }
    List<WalletPosition> positions = new ArrayList<>();
    for (ChainsProperties.Chain chain : chains.chains()) {
      Set<Held> here = held.getOrDefault(chain.id(), Set.of());
      if (here.isEmpty()) {
        continue;
      }
      ChainReader reader =
          readers.computeIfAbsent(
              chain.id(),
              id -> new ChainReader(Web3j.build(new HttpService(chain.rpcUrl())), chain.id()));
      long block = blockAt(reader, chain, asOf);
      if (block < 0) {
        continue; // the chain's history starts after asOf
      }
      for (ChainsProperties.Market market : chain.markets()) {
        for (Held h : here) {
          if (!h.market().equals(market.key())) {
            continue;
          }
          PositionSnapshot p =
              switch (market.protocol()) {
                case AAVE_V3 -> aave(reader, chain, market, h.wallet(), block);
                case COMPOUND_V3 -> comet(reader, chain, market, h.wallet(), block);
              };
          if (p != null) {
            positions.add(new WalletPosition(h.wallet(), p));
          }
        }
      }
    }
    return positions;
  }

  private static final java.util.Comparator<Held> HELD_ORDER =
      java.util.Comparator.comparing(Held::market).thenComparing(Held::wallet);

  /**
   * The newest block at least {@code confirmations} deep mined at or before {@code asOf}, by binary
   * search over block times from the chain's start block; -1 if there is none.
   */
  static long blockAt(ChainReader reader, ChainsProperties.Chain chain, Instant asOf) {
    long hi = Math.max(0, reader.headBlock() - chain.confirmations());
    if (!reader.block(hi).time().isAfter(asOf)) {
      return hi;
    }
    long lo = chain.startBlock();
    if (lo > hi || reader.block(lo).time().isAfter(asOf)) {
      return -1;
    }
    while (lo < hi) { // invariant: block(lo) is at or before asOf, block(hi) after it
      long mid = lo + (hi - lo + 1) / 2;
      if (mid == hi) {
        break;
      }
      if (reader.block(mid).time().isAfter(asOf)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return lo;
  }

  @SuppressWarnings("rawtypes")
  private PositionSnapshot aave(
      ChainReader reader,
      ChainsProperties.Chain chain,
      ChainsProperties.Market market,
      String wallet,
      long block) {
    List<Type> data =
        reader.call(
            market.address(),
            AssetPrices.fn(
                "getUserAccountData",
                List.of(new Address(wallet)),
                List.of(UINT, UINT, UINT, UINT, UINT, UINT)),
            block);
    BigInteger collateral = (BigInteger) data.get(0).getValue();
    BigInteger debt = (BigInteger) data.get(1).getValue();
    BigInteger health = (BigInteger) data.get(5).getValue();
    if (collateral.signum() == 0 && debt.signum() == 0) {
      return null;
    }
    double healthFactor =
        debt.signum() == 0 || health.equals(NO_DEBT_HEALTH)
            ? Double.NaN
            : new BigDecimal(health).divide(WAD, MathContext.DECIMAL64).doubleValue();
    return new PositionSnapshot(
        chain.name(),
        Protocol.AAVE_V3.slug(),
        new BigDecimal(collateral).divide(USD_8, MathContext.DECIMAL64).doubleValue(),
        0,
        new BigDecimal(debt).divide(USD_8, MathContext.DECIMAL64).doubleValue(),
        healthFactor);
  }

  @SuppressWarnings("rawtypes")
  private PositionSnapshot comet(
      ChainReader reader,
      ChainsProperties.Chain chain,
      ChainsProperties.Market market,
      String wallet,
      long block) {
    String comet = market.address();
    BigInteger borrowed =
        (BigInteger)
            reader
                .call(
                    comet,
                    AssetPrices.fn("borrowBalanceOf", List.of(new Address(wallet)), List.of(UINT)),
                    block)
                .get(0)
                .getValue();
    BigDecimal debtUsd = BigDecimal.ZERO;
    if (borrowed.signum() > 0) {
      String base = prices.cometBaseToken(reader, comet, block);
      debtUsd =
          AssetPrices.usd(
              borrowed,
              prices.token(reader, base, block),
              prices.priceUsd(reader, market, base, block));
    }
    int assets =
        ((BigInteger)
                reader
                    .call(
                        comet,
                        AssetPrices.fn(
                            "numAssets", List.of(), List.of(new TypeReference<Uint8>() {})),
                        block)
                    .get(0)
                    .getValue())
            .intValueExact();
    BigDecimal collateralUsd = BigDecimal.ZERO;
    BigDecimal stableUsd = BigDecimal.ZERO;
    BigDecimal liquidationValue = BigDecimal.ZERO;
    for (int i = 0; i < assets; i++) {
      List<Type> info =
          reader.call(
              comet,
              AssetPrices.fn("getAssetInfo", List.of(new Uint8(i)), AssetPrices.ASSET_INFO),
              block);
      String asset = ((Address) info.get(1)).getValue().toLowerCase(Locale.ROOT);
      BigInteger amount =
          (BigInteger)
              reader
                  .call(
                      comet,
                      AssetPrices.fn(
                          "collateralBalanceOf",
                          List.of(new Address(wallet), new Address(asset)),
                          List.of(new TypeReference<Uint128>() {})),
                      block)
                  .get(0)
                  .getValue();
      if (amount.signum() == 0) {
        continue;
      }
      AssetPrices.Token token = prices.token(reader, asset, block);
      BigDecimal usd =
          AssetPrices.usd(amount, token, prices.priceUsd(reader, market, asset, block));
      collateralUsd = collateralUsd.add(usd);
      if (FeatureSchema.STABLECOINS.contains(token.symbol().toUpperCase(Locale.ROOT))) {
        stableUsd = stableUsd.add(usd);
      }
      BigDecimal factor =
          new BigDecimal((BigInteger) info.get(5).getValue()).divide(WAD, MathContext.DECIMAL64);
      liquidationValue = liquidationValue.add(usd.multiply(factor, MathContext.DECIMAL64));
    }
    if (collateralUsd.signum() == 0 && debtUsd.signum() == 0) {
      return null;
    }
    double healthFactor =
        debtUsd.signum() == 0
            ? Double.NaN
            : liquidationValue.divide(debtUsd, MathContext.DECIMAL64).doubleValue();
    return new PositionSnapshot(
        chain.name(),
        Protocol.COMPOUND_V3.slug(),
        collateralUsd.doubleValue(),
        stableUsd.doubleValue(),
        debtUsd.doubleValue(),
        healthFactor);
  }
}
