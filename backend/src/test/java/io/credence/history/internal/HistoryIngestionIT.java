package io.credence.history.internal;

import static io.credence.history.internal.DemoMarketsOnAnvil.usdc;
import static io.credence.history.internal.DemoMarketsOnAnvil.weth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.credence.support.AnvilNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;

/**
 * Ingestion against a real Anvil node and embedded PostgreSQL: every listed Aave v3 and Compound v3
 * event, amounts, USD values and roles; idempotence; a node that refuses large log ranges; RPC
 * failure mid-sync; a reorg below the cursor; the tracked tokens' transfers (related wallets).
 */
@SpringBootTest
class HistoryIngestionIT {

  static AnvilNode node;
  static DemoMarketsOnAnvil markets;
  static String borrower;
  static String payer;
  static String liquidator;
  static long firstBorrowerTxBlock;

  @Autowired MarketSync sync;
  @Autowired WalletFacts facts;
  @Autowired TransferSync transfers;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void emitEveryEventType() throws Exception {
    node = AnvilNode.chain(31_401);
    markets = DemoMarketsOnAnvil.deploy(node);
    borrower = markets.address(1).toLowerCase(Locale.ROOT);
    payer = markets.address(2).toLowerCase(Locale.ROOT);
    liquidator = markets.address(3).toLowerCase(Locale.ROOT);
    String weth = markets.weth.getContractAddress();
    String usdc = markets.usdc.getContractAddress();
    var pool = markets.poolAs(1);
    firstBorrowerTxBlock =
        pool.supply(weth, weth("2"), borrower, BigInteger.ZERO)
            .send()
            .getBlockNumber()
            .longValueExact();
    pool.borrow(usdc, usdc("1000"), BigInteger.TWO, BigInteger.ZERO, borrower).send();
    pool.repay(usdc, usdc("400"), BigInteger.TWO, borrower).send();
    markets.poolAs(2).repay(usdc, usdc("100"), BigInteger.TWO, borrower).send();
    pool.withdraw(weth, weth("0.5"), borrower).send();
    pool.flashLoanSimple(borrower, weth, weth("1"), new byte[0], BigInteger.ZERO).send();
    markets.poolAs(3).liquidationCall(weth, usdc, borrower, usdc("200"), false).send();

    var comet = markets.cometAs(1);
    comet.supply(weth, weth("1")).send();
    comet.withdraw(weth, weth("0.25")).send();
    comet.withdraw(usdc, usdc("500")).send();
    comet.supply(usdc, usdc("200")).send();
    markets.cometAs(2).supplyTo(borrower, usdc, usdc("50")).send();
    markets.cometAs(3).absorb(liquidator, List.of(borrower)).send();
  }

  private ChainReader reader(Web3j web3j) {
    return new ChainReader(web3j, node.chainId());
  }

  private MarketSync.Outcome syncAll(ChainReader reader, int maxRange, String wallet) {
    var chain = markets.chain(maxRange);
    MarketSync.Outcome total = MarketSync.Outcome.NONE;
    for (var market : chain.markets()) {
      total = total.plus(sync.sync(reader, chain, market, wallet));
    }
    return total;
  }

  private void forget(String wallet) {
    for (String table : List.of("history_event", "history_cursor", "history_scanned_range")) {
      jdbc.update("DELETE FROM " + table + " WHERE wallet = ?", wallet);
    }
  }

  private List<org.assertj.core.groups.Tuple> stored(String wallet) {
    return jdbc.query(
        "SELECT protocol, event_name, wallet_role, asset_symbol, amount, amount_usd FROM"
            + " history_event WHERE wallet = ? ORDER BY block_number, log_index",
        (rs, n) ->
            tuple(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5).toBigIntegerExact(),
                rs.getBigDecimal(6).setScale(2, java.math.RoundingMode.HALF_UP)),
        wallet);
  }

  private static BigDecimal usd(String value) {
    return new BigDecimal(value).setScale(2);
  }

  static final List<org.assertj.core.groups.Tuple> BORROWER_HISTORY =
      List.of(
          tuple("AAVE_V3", "Supply", "ACCOUNT", "WETH", weth("2"), usd("6000")),
          tuple("AAVE_V3", "Borrow", "ACCOUNT", "USDC", usdc("1000"), usd("1000")),
          tuple("AAVE_V3", "Repay", "ACCOUNT", "USDC", usdc("400"), usd("400")),
          tuple("AAVE_V3", "Repay", "ACCOUNT", "USDC", usdc("100"), usd("100")),
          tuple("AAVE_V3", "Withdraw", "ACCOUNT", "WETH", weth("0.5"), usd("1500")),
          tuple("AAVE_V3", "FlashLoan", "ACCOUNT", "WETH", weth("1"), usd("3000")),
          tuple("AAVE_V3", "LiquidationCall", "ACCOUNT", "USDC", usdc("200"), usd("200")),
          tuple("COMPOUND_V3", "SupplyCollateral", "ACCOUNT", "WETH", weth("1"), usd("3000")),
          tuple("COMPOUND_V3", "WithdrawCollateral", "ACCOUNT", "WETH", weth("0.25"), usd("750")),
          tuple("COMPOUND_V3", "Withdraw", "ACCOUNT", "USDC", usdc("500"), usd("500")),
          tuple("COMPOUND_V3", "Supply", "ACCOUNT", "USDC", usdc("200"), usd("200")),
          tuple("COMPOUND_V3", "Supply", "ACCOUNT", "USDC", usdc("50"), usd("50")),
          tuple("COMPOUND_V3", "AbsorbCollateral", "ACCOUNT", "WETH", weth("0.75"), usd("2250")),
          tuple("COMPOUND_V3", "AbsorbDebt", "ACCOUNT", "USDC", usdc("250"), usd("250")));

  @Test
  void everyEventTypeIsReadWithAmountsUsdValuesAndRoles() {
    forget(borrower);
    forget(payer);
    forget(liquidator);
    syncAll(reader(node.web3j()), 1000, borrower);
    syncAll(reader(node.web3j()), 1000, payer);
    syncAll(reader(node.web3j()), 1000, liquidator);

    assertThat(stored(borrower)).containsExactlyElementsOf(BORROWER_HISTORY);
    assertThat(stored(payer))
        .containsExactly(
            tuple("AAVE_V3", "Repay", "PAYER", "USDC", usdc("100"), usd("100")),
            tuple("COMPOUND_V3", "Supply", "PAYER", "USDC", usdc("50"), usd("50")));
    // Aave's LiquidationCall does not index the liquidator, so only Comet's absorber is found.
    assertThat(stored(liquidator))
        .containsExactly(
            tuple(
                "COMPOUND_V3", "AbsorbCollateral", "LIQUIDATOR", "WETH", weth("0.75"), usd("2250")),
            tuple("COMPOUND_V3", "AbsorbDebt", "LIQUIDATOR", "USDC", usdc("250"), usd("250")));
  }

  @Test
  void syncingTwiceStoresNothingTwice() {
    forget(borrower);
    MarketSync.Outcome first = syncAll(reader(node.web3j()), 1000, borrower);
    // Re-read the same blocks from scratch: the cursor is reset, the events are not.
    jdbc.update("DELETE FROM history_cursor WHERE wallet = ?", borrower);
    jdbc.update("DELETE FROM history_scanned_range WHERE wallet = ?", borrower);
    MarketSync.Outcome second = syncAll(reader(node.web3j()), 1000, borrower);

    assertThat(first.eventsStored()).isEqualTo(BORROWER_HISTORY.size());
    assertThat(second.eventsRead()).isEqualTo(BORROWER_HISTORY.size());
    assertThat(second.eventsStored()).isZero();
    assertThat(stored(borrower)).containsExactlyElementsOf(BORROWER_HISTORY);
  }

  @Test
  void aNodeThatRefusesRangesOverFourBlocksIsReadInSmallerRanges() {
    forget(borrower);
    node.rpc("anvil_mine", "0x20");
    AtomicInteger refusals = new AtomicInteger();
    Web3j refusing = Web3j.build(new RefusingService(node.rpcUrl(), 4, refusals));

    MarketSync.Outcome outcome = syncAll(reader(refusing), 1000, borrower);

    assertThat(refusals).as("the node did refuse").hasPositiveValue();
    assertThat(outcome.blocksScanned()).isEqualTo(2 * (node.blockNumber() + 1));
    assertThat(stored(borrower)).containsExactlyElementsOf(BORROWER_HISTORY);
    assertThat(
            jdbc.queryForObject(
                "SELECT max(block_range) FROM history_cursor WHERE wallet = ?",
                Integer.class,
                borrower))
        .as("the shrunken range is remembered; it grows back only after successes")
        .isLessThan(1000);
  }

  @Test
  void rpcDownMidSyncResumesFromTheCursorWithoutDuplicates() {
    forget(borrower);
    Web3j failing = Web3j.build(new FailingService(node.rpcUrl(), 25));

    assertThatThrownBy(() -> syncAll(reader(failing), 2, borrower))
        .isInstanceOf(ChainReadException.class);
    int storedBeforeFailure =
        jdbc.queryForObject(
            "SELECT count(*) FROM history_event WHERE wallet = ?", Integer.class, borrower);
    Long cursor =
        jdbc.queryForObject(
            "SELECT max(next_block) FROM history_cursor WHERE wallet = ?", Long.class, borrower);
    assertThat(cursor).as("progress was committed before the failure").isPositive();
    assertThat(storedBeforeFailure).isLessThan(BORROWER_HISTORY.size());

    syncAll(reader(node.web3j()), 2, borrower);

    assertThat(stored(borrower)).containsExactlyElementsOf(BORROWER_HISTORY);
  }

  @Test
  void aReorgBelowTheCursorReplacesTheOrphanedEvents() throws Exception {
    String wallet = markets.address(4).toLowerCase(Locale.ROOT);
    forget(wallet);
    String weth = markets.weth.getContractAddress();
    Object snapshot = node.rpc("evm_snapshot");
    markets.poolAs(4).supply(weth, weth("7"), wallet, BigInteger.ZERO).send();
    node.rpc("anvil_mine", "0x3");
    syncAll(reader(node.web3j()), 1000, wallet);
    assertThat(stored(wallet)).extracting(t -> t.toList().get(4)).containsExactly(weth("7"));

    // The block with the supply of 7 is orphaned; the new branch has a supply of 3 instead.
    node.rpc("evm_revert", snapshot);
    markets.poolAs(4).supply(weth, weth("3"), wallet, BigInteger.ZERO).send();
    node.rpc("anvil_mine", "0x5");
    MarketSync.Outcome outcome = syncAll(reader(node.web3j()), 1000, wallet);

    assertThat(outcome.eventsForgotten()).isEqualTo(1);
    assertThat(stored(wallet))
        .containsExactly(tuple("AAVE_V3", "Supply", "ACCOUNT", "WETH", weth("3"), usd("9000")));
  }

  @Test
  void walletFactsAreTheNonceAndTheBlockWhereItFirstBecameOne() {
    long head = node.blockNumber();
    facts.refresh(reader(node.web3j()), borrower, head);

    var row =
        jdbc.queryForMap(
            "SELECT first_tx_at, tx_count FROM history_wallet_fact WHERE wallet = ? AND chain_id = ?",
            borrower,
            node.chainId());
    assertThat(row.get("tx_count")).isEqualTo(9L); // 5 pool + 4 Comet transactions it sent
    assertThat(((java.sql.Timestamp) row.get("first_tx_at")).toInstant())
        .isEqualTo(reader(node.web3j()).block(firstBorrowerTxBlock).time());
  }

  @Test
  void transfersOfTheMarketsTokensAreReadWhileDustMintsAndKnownContractsAreNotStored()
      throws Exception {
    String recipient = TestWalletsAddress.fresh();
    var usdcAs5 =
        io.credence.attestations.demo.DemoToken.load(
            markets.usdc.getContractAddress(),
            node.web3j(),
            DemoMarketsOnAnvil.sender(node, node.account(5)),
            DemoMarketsOnAnvil.GAS);
    String sender = markets.address(5).toLowerCase(Locale.ROOT);
    long firstBlock =
        usdcAs5
            .mint(sender, usdc("10000")) // from the zero address: a mint, not a relation
            .send()
            .getBlockNumber()
            .longValueExact();
    usdcAs5.transfer(recipient, usdc("300")).send();
    for (int i = 0; i < 20; i++) {
      usdcAs5.transfer(recipient, usdc("9.99")).send(); // dust, $199.80 in all
    }
    usdcAs5.transfer(markets.pool.getContractAddress(), usdc("700")).send(); // a market
    var chain = markets.chain(1000);
    ChainReader plain = reader(node.web3j());
    var tokens = transfers.tokens(plain, chain, node.blockNumber());
    assertThat(tokens)
        .extracting(TransferSync.TrackedToken::address)
        .contains(
            markets.usdc.getContractAddress().toLowerCase(Locale.ROOT),
            markets.weth.getContractAddress().toLowerCase(Locale.ROOT));

    AtomicInteger refusals = new AtomicInteger();
    MarketSync.Outcome recipientSide =
        transfers.sync(
            reader(Web3j.build(new RefusingService(node.rpcUrl(), 4, refusals))),
            chain,
            recipient,
            tokens);
    transfers.sync(plain, chain, sender, tokens);
    MarketSync.Outcome again = transfers.sync(plain, chain, recipient, tokens);

    assertThat(refusals).as("read in small ranges").hasPositiveValue();
    assertThat(recipientSide.eventsStored()).isEqualTo(1);
    assertThat(again.eventsRead()).as("the cursor moved past them").isZero();
    assertThat(transfersOf(recipient))
        .containsExactly(tuple(sender, "IN", usdc("300"), usd("300")));
    assertThat(transfersOf(sender, firstBlock))
        .as("neither the mint nor the transfer to the market, nor dust")
        .containsExactly(tuple(recipient, "OUT", usdc("300"), usd("300")));
  }

  @Test
  void aReorgBelowATransferCursorReplacesTheOrphanedTransfer() throws Exception {
    String recipient = TestWalletsAddress.fresh();
    String sender = markets.address(5).toLowerCase(Locale.ROOT);
    var usdcAs5 =
        io.credence.attestations.demo.DemoToken.load(
            markets.usdc.getContractAddress(),
            node.web3j(),
            DemoMarketsOnAnvil.sender(node, node.account(5)),
            DemoMarketsOnAnvil.GAS);
    usdcAs5.mint(sender, usdc("1000")).send();
    var chain = markets.chain(1000);
    ChainReader plain = reader(node.web3j());
    var tokens = transfers.tokens(plain, chain, node.blockNumber());
    Object snapshot = node.rpc("evm_snapshot");
    usdcAs5.transfer(recipient, usdc("400")).send();
    node.rpc("anvil_mine", "0x3");
    transfers.sync(plain, chain, recipient, tokens);
    assertThat(transfersOf(recipient))
        .extracting(t -> t.toList().get(2))
        .containsExactly(usdc("400"));

    // The block with the transfer of 400 is orphaned; the new branch has one of 200 instead.
    node.rpc("evm_revert", snapshot);
    usdcAs5.transfer(recipient, usdc("200")).send();
    node.rpc("anvil_mine", "0x5");
    MarketSync.Outcome outcome = transfers.sync(plain, chain, recipient, tokens);

    assertThat(outcome.eventsForgotten()).isEqualTo(1);
    assertThat(transfersOf(recipient))
        .containsExactly(tuple(sender, "IN", usdc("200"), usd("200")));
  }

  private List<org.assertj.core.groups.Tuple> transfersOf(String wallet) {
    return transfersOf(wallet, 0);
  }

  /** The wallet's stored transfers from {@code fromBlock} on (other tests use the same sender). */
  private List<org.assertj.core.groups.Tuple> transfersOf(String wallet, long fromBlock) {
    return jdbc.query(
        "SELECT counterparty, direction, amount, amount_usd FROM history_transfer WHERE wallet = ?"
            + " AND block_number >= ? ORDER BY block_number, log_index",
        (rs, n) ->
            tuple(
                rs.getString(1),
                rs.getString(2),
                rs.getBigDecimal(3).toBigIntegerExact(),
                rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP)),
        wallet.toLowerCase(Locale.ROOT),
        fromBlock);
  }

  /** A fresh address nobody holds the key of (a recipient only). */
  private static final class TestWalletsAddress {
    static String fresh() {
      return io.credence.support.TestWallets.Evm.random().address().toLowerCase(Locale.ROOT);
    }
  }

  /** A node that answers eth_getLogs over more than {@code maxBlocks} blocks with an error. */
  static final class RefusingService extends HttpService {
    private final long maxBlocks;
    private final AtomicInteger refusals;

    RefusingService(String url, long maxBlocks, AtomicInteger refusals) {
      super(url);
      this.maxBlocks = maxBlocks;
      this.refusals = refusals;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      if (request.getMethod().equals("eth_getLogs")
          && request.getParams().get(0) instanceof EthFilter filter) {
        long from = Long.decode(filter.getFromBlock().getValue());
        long to = Long.decode(filter.getToBlock().getValue());
        if (to - from + 1 > maxBlocks) {
          refusals.incrementAndGet();
          try {
            T refused = responseType.getDeclaredConstructor().newInstance();
            refused.setError(
                new Response.Error(-32602, "block range too large: at most " + maxBlocks));
            return refused;
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return super.send(request, responseType);
    }
  }

  /** A node that goes down (connection refused) after {@code healthyCalls} requests. */
  static final class FailingService extends HttpService {
    private final AtomicInteger left;

    FailingService(String url, int healthyCalls) {
      super(url);
      this.left = new AtomicInteger(healthyCalls);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      if (left.decrementAndGet() < 0) {
        throw new IOException("Connection refused");
      }
      return super.send(request, responseType);
    }
  }
}
