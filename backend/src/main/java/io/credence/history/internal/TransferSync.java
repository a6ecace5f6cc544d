package io.credence.history.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * A linked wallet's ERC-20 {@code Transfer(address indexed from, address indexed to, uint256
 * value)} logs of the tokens the configured markets use, with the wallet as {@code from} (topic 1)
 * or {@code to} (topic 2), read under {@link MarketSync#scan}'s cursor, range and reorg discipline
 * (one cursor per (wallet, chain, token), key {@code erc20:<token>}).
 *
 * <p>Each transfer is valued at its block with the market's own oracle ({@link AssetPrices}, one
 * price call per token and block). Transfers worth less than {@code dust-usd}, with no value, to
 * the wallet itself, or with a known contract of the chain (a market, its oracle, a tracked token,
 * the registry, the zero address of mints and burns) are not stored: a flood of dust costs reads,
 * not storage, and never counts.
 */
@Component
class TransferSync {

  static final Event TRANSFER =
      new Event(
          "Transfer",
          List.of(
              TypeReference.create(Address.class, true),
              TypeReference.create(Address.class, true),
              TypeReference.create(Uint256.class, false)));

  static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

  private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

  private final MarketSync scanner;
  private final AssetPrices prices;
  private final JdbcClient jdbc;
  private final RelatedWalletsProperties properties;

  TransferSync(
      MarketSync scanner,
      AssetPrices prices,
      JdbcClient jdbc,
      RelatedWalletsProperties properties) {
    this.scanner = scanner;
    this.prices = prices;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** A token a market uses, and the market whose oracle prices it. */
  record TrackedToken(String address, ChainsProperties.Market pricedBy) {}

  /** A stored-to-be transfer, seen from {@code wallet}. */
  record NewTransfer(
      String txHash,
      int logIndex,
      String counterparty,
      boolean incoming,
      BigInteger amount,
      BigDecimal amountUsd,
      long blockNumber,
      String blockHash,
      Instant blockTime) {}

  /**
   * The tokens the chain's markets use: a Comet's base token and collateral assets ({@code
   * baseToken}, {@code numAssets}, {@code getAssetInfo(i)}); an Aave pool's reserves ({@code
   * getReservesList()}, where the pool answers it) and the assets of its stored events. The first
   * market listing a token prices it.
   */
  List<TrackedToken> tokens(ChainReader chain, ChainsProperties.Chain config, long block) {
    Map<String, TrackedToken> found = new LinkedHashMap<>();
    for (ChainsProperties.Market market : config.markets()) {
      for (String token : listedBy(chain, market, config.id(), block)) {
        found.putIfAbsent(token, new TrackedToken(token, market));
      }
    }
    return List.copyOf(found.values());
  }

  @SuppressWarnings("rawtypes")
  private List<String> listedBy(
      ChainReader chain, ChainsProperties.Market market, long chainId, long block) {
    Set<String> tokens = new java.util.LinkedHashSet<>();
    switch (market.protocol()) {
      case COMPOUND_V3 -> {
        tokens.add(prices.cometBaseToken(chain, market.address(), block));
        int assets =
            ((BigInteger)
                    chain
                        .call(
                            market.address(),
                            AssetPrices.fn(
                                "numAssets",
                                List.of(),
                                List.of(
                                    new TypeReference<
                                        org.web3j.abi.datatypes.generated.Uint8>() {})),
                            block)
                        .get(0)
                        .getValue())
                .intValueExact();
        for (int i = 0; i < assets; i++) {
          List<Type> info =
              chain.call(
                  market.address(),
                  AssetPrices.fn(
                      "getAssetInfo",
                      List.of(new org.web3j.abi.datatypes.generated.Uint8(i)),
                      AssetPrices.ASSET_INFO),
                  block);
          tokens.add(((Address) info.get(1)).getValue().toLowerCase(Locale.ROOT));
        }
      }
      case AAVE_V3 -> {
        try {
          List<Type> reserves =
              chain.call(
                  market.address(),
                  AssetPrices.fn(
                      "getReservesList",
                      List.of(),
                      List.of(
                          new TypeReference<org.web3j.abi.datatypes.DynamicArray<Address>>() {})),
                  block);
          for (Object reserve :
              ((org.web3j.abi.datatypes.DynamicArray<?>) reserves.get(0)).getValue()) {
            tokens.add(((Address) reserve).getValue().toLowerCase(Locale.ROOT));
          }
        } catch (ChainReadException notAnswered) {
          // A pool without getReservesList (the demo pool): the assets of its stored events below.
        }
        tokens.addAll(
            jdbc.sql("SELECT DISTINCT asset FROM history_event WHERE chain_id = ? AND market = ?")
                .params(chainId, market.key())
                .query(String.class)
                .list());
      }
    }
    return List.copyOf(tokens);
  }

  /**
   * Reads the wallet's transfers of every tracked token, each from its own cursor.
   *
   * @throws ChainReadException when the chain cannot be read; everything committed before stays
   */
  MarketSync.Outcome sync(
      ChainReader chain,
      ChainsProperties.Chain config,
      String walletAddress,
      List<TrackedToken> tokens) {
    String wallet = walletAddress.toLowerCase(Locale.ROOT);
    Set<String> known = knownContracts(config, tokens);
    MarketSync.Outcome total = MarketSync.Outcome.NONE;
    for (TrackedToken token : tokens) {
      total = total.plus(scanner.scan(chain, config, wallet, source(config, wallet, token, known)));
    }
    return total;
  }

  private static Set<String> knownContracts(
      ChainsProperties.Chain config, List<TrackedToken> tokens) {
    Set<String> known = new HashSet<>();
    known.add(ZERO_ADDRESS);
    for (ChainsProperties.Market market : config.markets()) {
      known.add(market.key());
      if (market.oracle() != null) {
        known.add(market.oracle().toLowerCase(Locale.ROOT));
      }
    }
    if (config.registryAddress() != null && !config.registryAddress().isBlank()) {
      known.add(config.registryAddress().toLowerCase(Locale.ROOT));
    }
    tokens.forEach(t -> known.add(t.address()));
    return known;
  }

  private MarketSync.Source<NewTransfer> source(
      ChainsProperties.Chain config, String wallet, TrackedToken token, Set<String> known) {
    String key = "erc20:" + token.address();
    return new MarketSync.Source<>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public List<NewTransfer> read(ChainReader chain, long from, long to) {
        return TransferSync.this.read(chain, wallet, token, known, from, to);
      }

      @Override
      public int store(List<NewTransfer> found) {
        return insert(config.id(), wallet, token.address(), found);
      }

      @Override
      public int forgetAbove(long block) {
        return jdbc.sql(
                "DELETE FROM history_transfer WHERE wallet = ? AND chain_id = ? AND token = ? AND"
                    + " block_number > ?")
            .params(wallet, config.id(), token.address(), block)
            .update();
      }
    };
  }

  private List<NewTransfer> read(
      ChainReader chain, String wallet, TrackedToken token, Set<String> known, long from, long to) {
    Map<String, Log> logs = new LinkedHashMap<>();
    for (int position = 1; position <= 2; position++) {
      for (Log found :
          chain.logs(token.address(), List.of(TRANSFER_TOPIC), position, wallet, from, to)) {
        logs.putIfAbsent(found.getTransactionHash() + ":" + found.getLogIndex(), found);
      }
    }
    if (logs.isEmpty()) {
      return List.of();
    }
    AssetPrices.Token facts = prices.token(chain, token.address(), to);
    Map<Long, BigDecimal> priceAt = new HashMap<>();
    Map<Long, ChainReader.BlockHeader> blocks = new HashMap<>();
    List<NewTransfer> transfers = new ArrayList<>();
    for (Log raw : logs.values()) {
      List<String> topics = raw.getTopics();
      if (topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))) {
        continue; // not an ERC-20 Transfer with indexed parties (e.g. an ERC-721's has 4 topics)
      }
      String sender = topicAddress(topics.get(1));
      String recipient = topicAddress(topics.get(2));
      boolean incoming = recipient.equals(wallet);
      String counterparty = incoming ? sender : recipient;
      if (sender.equals(recipient) || known.contains(counterparty)) {
        continue;
      }
      String data = raw.getData();
      if (data == null || data.length() != 66) {
        continue; // not one uint256 value
      }
      BigInteger amount = Numeric.toBigInt(data);
      if (amount.signum() <= 0) {
        continue;
      }
      long blockNumber = raw.getBlockNumber().longValueExact();
      BigDecimal price =
          priceAt.computeIfAbsent(
              blockNumber, b -> prices.priceUsd(chain, token.pricedBy(), token.address(), b));
      BigDecimal usd = AssetPrices.usd(amount, facts, price);
      if (usd.compareTo(properties.dustUsd()) < 0) {
        continue; // dust: never stored, never counted
      }
      ChainReader.BlockHeader block = blocks.computeIfAbsent(blockNumber, chain::block);
      String blockHash = raw.getBlockHash().toLowerCase(Locale.ROOT);
      if (!block.hash().equals(blockHash)) {
        // The chain moved while we read: the log belongs to a block no longer canonical.
        throw new ChainReadException(
            "chain " + chain.chainId() + ": block " + blockNumber + " changed during the read");
      }
      transfers.add(
          new NewTransfer(
              raw.getTransactionHash().toLowerCase(Locale.ROOT),
              raw.getLogIndex().intValueExact(),
              counterparty,
              incoming,
              amount,
              usd,
              blockNumber,
              blockHash,
              block.time()));
    }
    return transfers;
  }

  private int insert(long chainId, String wallet, String token, List<NewTransfer> transfers) {
    int inserted = 0;
    for (NewTransfer t : transfers) {
      inserted +=
          jdbc.sql(
                  """
                  INSERT INTO history_transfer (chain_id, tx_hash, log_index, wallet, token,
                    counterparty, direction, amount, amount_usd, block_number, block_hash, block_time)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT ON CONSTRAINT history_transfer_once DO NOTHING
                  """)
              .params(
                  chainId,
                  t.txHash(),
                  t.logIndex(),
                  wallet,
                  token,
                  t.counterparty(),
                  t.incoming() ? "IN" : "OUT",
                  new BigDecimal(t.amount()),
                  t.amountUsd(),
                  t.blockNumber(),
                  t.blockHash(),
                  Timestamp.from(t.blockTime()))
              .update();
    }
    return inserted;
  }

  private static String topicAddress(String topic) {
    return "0x" + topic.substring(topic.length() - 40).toLowerCase(Locale.ROOT);
  }
}
