package io.credence.history.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Token facts (symbol, decimals, read from the token) and USD prices at a block from the market's
 * own oracle: Aave v3 {@code AaveOracle.getAssetPrice} (USD, 8 decimals); Comet {@code getPrice} of
 * the base token's feed ({@code baseTokenPriceFeed}) or the collateral's ({@code
 * getAssetInfoByAddress(asset).priceFeed}), 8 decimals. Prices at past blocks need an archive node.
 */
@org.springframework.stereotype.Component
class AssetPrices {

  private static final BigDecimal PRICE_UNIT = BigDecimal.TEN.pow(8);

  record Token(String symbol, int decimals) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> cometBaseTokens = new ConcurrentHashMap<>();

  Token token(ChainReader chain, String address, long block) {
    return tokens.computeIfAbsent(
        chain.chainId() + ":" + address,
        key -> {
          String symbol =
              (String)
                  chain
                      .call(
                          address,
                          ChainReader.function(
                              "symbol", List.of(), List.of(new TypeReference<Utf8String>() {})),
                          block)
                      .get(0)
                      .getValue();
          int decimals =
              ((BigInteger)
                      chain
                          .call(
                              address,
                              ChainReader.function(
                                  "decimals", List.of(), List.of(new TypeReference<Uint8>() {})),
                              block)
                          .get(0)
                          .getValue())
                  .intValueExact();
          return new Token(symbol, decimals);
        });
  }

  String cometBaseToken(ChainReader chain, String comet, long block) {
    return cometBaseTokens.computeIfAbsent(
        chain.chainId() + ":" + comet,
        key ->
            address(chain.call(comet, fn("baseToken", List.of(), List.of(ADDRESS)), block).get(0)));
  }

  /** USD per whole token at {@code block}. */
  BigDecimal priceUsd(ChainReader chain, ChainsProperties.Market market, String asset, long block) {
    BigInteger raw =
        switch (market.protocol()) {
          case AAVE_V3 -> {
            if (market.oracle() == null) {
              throw new ChainReadException(
                  "Aave market " + market.address() + " has no oracle configured");
            }
            yield uint(
                chain
                    .call(
                        market.oracle(),
                        fn("getAssetPrice", List.of(new Address(asset)), List.of(UINT)),
                        block)
                    .get(0));
          }
          case COMPOUND_V3 -> {
            String feed;
            if (asset.equalsIgnoreCase(cometBaseToken(chain, market.address(), block))) {
              feed =
                  address(
                      chain
                          .call(
                              market.address(),
                              fn("baseTokenPriceFeed", List.of(), List.of(ADDRESS)),
                              block)
                          .get(0));
            } else {
              // AssetInfo(uint8 offset, address asset, address priceFeed, uint64 scale, ...): a
              // static tuple, decoded as its flattened fields.
              feed =
                  address(
                      chain
                          .call(
                              market.address(),
                              fn("getAssetInfoByAddress", List.of(new Address(asset)), ASSET_INFO),
                              block)
                          .get(2));
            }
            yield uint(
                chain
                    .call(
                        market.address(),
                        fn("getPrice", List.of(new Address(feed)), List.of(UINT)),
                        block)
                    .get(0));
          }
        };
    return new BigDecimal(raw).divide(PRICE_UNIT, MathContext.DECIMAL64);
  }

  static BigDecimal usd(BigInteger amount, Token token, BigDecimal price) {
    return new BigDecimal(amount, token.decimals()).multiply(price, MathContext.DECIMAL64);
  }

  private static final TypeReference<Address> ADDRESS = new TypeReference<>() {};
  private static final TypeReference<Uint256> UINT = new TypeReference<>() {};

  /**
   * Comet's {@code AssetInfo(uint8 offset, address asset, address priceFeed, uint64 scale, uint64
   * borrowCollateralFactor, uint64 liquidateCollateralFactor, uint64 liquidationFactor, uint128
   * supplyCap)}: a static tuple, decoded as its flattened fields.
   */
  static final List<TypeReference<?>> ASSET_INFO =
      List.of(new TypeReference<Uint8>() {}, ADDRESS, ADDRESS, UINT, UINT, UINT, UINT, UINT);

  @SuppressWarnings({"rawtypes", "unchecked"})
  static org.web3j.abi.datatypes.Function fn(
      String name, List<? extends Type> inputs, List<? extends TypeReference<?>> outputs) {
    return new org.web3j.abi.datatypes.Function(name, (List) inputs, (List) outputs);
  }

  @SuppressWarnings("rawtypes")
  private static String address(Type value) {
    return ((Address) value).getValue().toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("rawtypes")
  private static BigInteger uint(Type value) {
    return (BigInteger) value.getValue();
  }
}
