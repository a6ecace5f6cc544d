package io.credence.history.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Reads one wallet's events from one market — and, through {@link #scan}, any other per-wallet log
 * {@link Source} such as a token's transfers — from its cursor up to the newest block with enough
 * confirmations:
 *
 * <ol>
 *   <li>Reorg check: the newest stored range whose end-block hash still matches the chain is the
 *       point to resume from; events above it are deleted and read again.
 *   <li>Ranges of at most {@code blockRange} blocks; a range the node refuses is halved (down to
 *       one block) and retried; after a success the range doubles back towards {@code
 *       maxBlockRange}.
 *   <li>Each range's events, its end-block hash and the advanced cursor are committed in one
 *       transaction, so an interruption (RPC down) resumes after the last committed range, and the
 *       unique key makes a re-read store nothing twice.
 * </ol>
 */
@Service
public class MarketSync {

  private static final Logger log = LoggerFactory.getLogger(MarketSync.class);

  private final HistoryStore store;
  private final AssetPrices prices;
  private final TransactionTemplate transaction;
  private final Clock clock;

  MarketSync(
      HistoryStore store,
      AssetPrices prices,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.store = store;
    this.prices = prices;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** What one pass over a market did. */
  public record Outcome(long blocksScanned, int eventsRead, int eventsStored, int eventsForgotten) {
    Outcome plus(Outcome other) {
      return new Outcome(
          blocksScanned + other.blocksScanned,
          eventsRead + other.eventsRead,
          eventsStored + other.eventsStored,
          eventsForgotten + other.eventsForgotten);
    }

    static final Outcome NONE = new Outcome(0, 0, 0, 0);
  }

  /**
   * Logs read per (wallet, chain, key) under this class's cursor, range and reorg discipline: the
   * markets' lending logs ({@link #sync}) and the tracked tokens' transfers ({@code TransferSync}).
   *
   * @param <E> what one range's read gives
   */
  interface Source<E> {
    /** The cursor key: a market's address, or {@code erc20:<token>} for a token's transfers. */
    String key();

    /**
     * The logs of blocks {@code from..to}.
     *
     * @throws RangeRefusedException if the node refuses the range (it is halved and retried)
     */
    List<E> read(ChainReader chain, long from, long to);

    /** Stores one range's logs (inside the range's transaction); how many were new. */
    int store(List<E> found);

    /** Forgets what was stored above {@code block} (inside the rewind's transaction). */
    int forgetAbove(long block);
  }

  /**
   * Syncs {@code wallet} on one market.
   *
   * @throws ChainReadException when the chain cannot be read; everything committed before stays
   */
  Outcome sync(
      ChainReader chain,
      ChainsProperties.Chain config,
      ChainsProperties.Market market,
      String walletAddress) {
    String wallet = walletAddress.toLowerCase(Locale.ROOT);
    String key = market.key();
    long chainId = config.id();
    return scan(
        chain,
        config,
        wallet,
        new Source<HistoryStore.NewEvent>() {
          @Override
          public String key() {
            return key;
          }

          @Override
          public List<HistoryStore.NewEvent> read(ChainReader reader, long from, long to) {
            return MarketSync.this.read(reader, market, wallet, from, to);
          }

          @Override
          public int store(List<HistoryStore.NewEvent> found) {
            return store.insert(wallet, chainId, key, market.protocol(), found);
          }

          @Override
          public int forgetAbove(long block) {
            return store.forgetEventsAbove(wallet, chainId, key, block);
          }
        });
  }

  /**
   * Reads {@code source} for {@code wallet} from its cursor up to the newest confirmed block.
   *
   * @throws ChainReadException when the chain cannot be read; everything committed before stays
   */
  <E> Outcome scan(
      ChainReader chain, ChainsProperties.Chain config, String wallet, Source<E> source) {
    String key = source.key();
    long chainId = config.id();
    int forgotten = rewindPastReorg(chain, config, wallet, source);
    HistoryStore.Cursor cursor =
        store
            .cursor(wallet, chainId, key)
            .orElse(new HistoryStore.Cursor(config.startBlock(), config.maxBlockRange()));
    long safeHead = chain.headBlock() - config.confirmations();
    long next = cursor.nextBlock();
    int range = Math.min(cursor.blockRange(), config.maxBlockRange());
    Outcome total = new Outcome(0, 0, 0, forgotten);
    while (next <= safeHead) {
      long to = Math.min(safeHead, next + range - 1);
      List<E> events;
      ChainReader.BlockHeader end;
      try {
        events = source.read(chain, next, to);
        end = chain.block(to);
      } catch (RangeRefusedException refused) {
        if (range == 1) {
          throw new ChainReadException(
              "chain " + chainId + " refuses even a one-block log range: " + refused.getMessage());
        }
        range = Math.max(1, range / 2);
        log.debug("chain {} refused {} blocks; trying {}", chainId, to - next + 1, range);
        continue;
      }
      long from = next;
      int grown = (int) Math.min((long) config.maxBlockRange(), range * 2L);
      HistoryStore.Cursor advanced = new HistoryStore.Cursor(to + 1, grown);
      Integer stored =
          transaction.execute(
              status -> {
                int n = source.store(events);
                store.saveRange(
                    wallet, chainId, key, new HistoryStore.ScannedRange(from, to, end.hash()));
                store.saveCursor(wallet, chainId, key, advanced, clock.instant());
                return n;
              });
      total = total.plus(new Outcome(to - from + 1, events.size(), stored == null ? 0 : stored, 0));
      next = to + 1;
      range = grown;
    }
    return total;
  }

  private int rewindPastReorg(
      ChainReader chain, ChainsProperties.Chain config, String wallet, Source<?> source) {
    String key = source.key();
    List<HistoryStore.ScannedRange> ranges = store.ranges(wallet, config.id(), key);
    if (ranges.isEmpty() || stillCanonical(chain, ranges.get(0))) {
      return 0;
    }
    long resumeAt = config.startBlock();
    for (HistoryStore.ScannedRange range : ranges) {
      if (stillCanonical(chain, range)) {
        resumeAt = range.toBlock() + 1;
        break;
      }
    }
    long keepUpTo = resumeAt - 1;
    Integer forgotten =
        transaction.execute(
            status -> {
              store.forgetRangesAbove(wallet, config.id(), key, keepUpTo);
              int n = source.forgetAbove(keepUpTo);
              store.saveCursor(
                  wallet,
                  config.id(),
                  key,
                  new HistoryStore.Cursor(keepUpTo + 1, config.maxBlockRange()),
                  clock.instant());
              return n;
            });
    log.info(
        "chain {}: reorg below the cursor of {} on {}; re-reading from block {}",
        config.id(),
        wallet,
        key,
        keepUpTo + 1);
    return forgotten == null ? 0 : forgotten;
  }

  private static boolean stillCanonical(ChainReader chain, HistoryStore.ScannedRange range) {
    return chain
        .findBlock(range.toBlock())
        .map(block -> block.hash().equals(range.toBlockHash()))
        .orElse(false);
  }

  private List<HistoryStore.NewEvent> read(
      ChainReader chain, ChainsProperties.Market market, String wallet, long from, long to) {
    Map<Integer, List<String>> topicsByPosition = new HashMap<>();
    for (LendingLogKind kind : LendingLogKind.values()) {
      if (kind.protocol() == market.protocol()) {
        for (int position : kind.walletTopics()) {
          topicsByPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(kind.topic());
        }
      }
    }
    Map<String, Log> logs = new LinkedHashMap<>();
    for (var entry : topicsByPosition.entrySet()) {
      for (Log found :
          chain.logs(market.address(), entry.getValue(), entry.getKey(), wallet, from, to)) {
        logs.putIfAbsent(found.getTransactionHash() + ":" + found.getLogIndex(), found);
      }
    }
    if (logs.isEmpty()) {
      return List.of();
    }
    String base =
        market.protocol() == Protocol.COMPOUND_V3
            ? prices.cometBaseToken(chain, market.address(), to)
            : null;
    Map<Long, ChainReader.BlockHeader> blocks = new HashMap<>();
    List<HistoryStore.NewEvent> events = new ArrayList<>();
    for (Log raw : logs.values()) {
      var decoded = ProtocolLog.decode(market.protocol(), raw, base);
      if (decoded.isEmpty()) {
        continue;
      }
      ProtocolLog event = decoded.get();
      var role = event.roleOf(wallet);
      if (role.isEmpty()) {
        continue;
      }
      ChainReader.BlockHeader block = blocks.computeIfAbsent(event.blockNumber(), chain::block);
      if (!block.hash().equals(event.blockHash())) {
        // The chain moved while we read: the log belongs to a block no longer canonical.
        throw new ChainReadException(
            "chain "
                + chain.chainId()
                + ": block "
                + event.blockNumber()
                + " changed during the read");
      }
      AssetPrices.Token token = prices.token(chain, event.asset(), event.blockNumber());
      BigDecimal price = prices.priceUsd(chain, market, event.asset(), event.blockNumber());
      events.add(
          new HistoryStore.NewEvent(
              event,
              role.get(),
              token,
              price,
              AssetPrices.usd(event.amount(), token, price),
              block.time()));
    }
    return events;
  }
}
