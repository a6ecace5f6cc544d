package io.credence.history.internal;

import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.demo.DemoToken;
import io.credence.demo.DemoChain;
import io.credence.support.AnvilNode;
import io.credence.support.DemoNetwork;
import io.credence.support.TestWallets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Cost of related-wallet sync on the demo chains (not part of the default suite: its name matches
 * neither {@code *Test} nor {@code *IT}). For each demo account 1–6 on its chain, and for a fresh
 * wallet funded by a liquidated one (one related wallet), it syncs the wallet from scratch the way
 * a chain job does — first the markets and wallet facts (what sync did before), then the related
 * part (tracked tokens, the wallet's transfers, the counterparties' markets) — and counts the
 * JSON-RPC calls by method and the syncing thread's CPU time of each part.
 *
 * <pre>
 * ./mvnw -B -pl backend -am verify -Djacoco.skip=true -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RelatedSyncCostHarness \
 *     -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Results are printed and written to {@code target/related-sync-cost.txt}; docs/benchmarks.md,
 * "history (related wallets)".
 */
@DirtiesContext
@SpringBootTest(properties = {"logging.level.root=warn", "credence.history.run-jobs=false"})
class RelatedSyncCostHarness {

  @DynamicPropertySource
  static void demoChains(DynamicPropertyRegistry registry) {
    DemoNetwork.shared().registerProperties(registry);
  }

  @Autowired ChainsProperties chains;
  @Autowired MarketSync markets;
  @Autowired WalletFacts facts;
  @Autowired TransferSync transfers;
  @Autowired RelatedWallets related;
  @Autowired JdbcTemplate jdbc;

  private final StringBuilder report = new StringBuilder();

  @Test
  void run() throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    line(String.format(Locale.ROOT, "load average at start: %.2f", os.getSystemLoadAverage()));
    String funded = fundedByALiquidatedWallet();
    line(
        "wallet | chain | base calls | base CPU ms | related calls | related CPU ms | related wall"
            + " ms | related calls by method");
    for (int round = 1; round <= 2; round++) {
      line("round " + round + (round == 1 ? " (cold JVM)" : " (warm)"));
      for (int account = 1; account <= 6; account++) {
        long chainId = List.of(2, 5).contains(account) ? DemoNetwork.CHAIN_B : DemoNetwork.CHAIN_A;
        measure("account " + account, DemoNetwork.address(account), chainId);
      }
      measure("funded by a liquidated wallet", funded, DemoNetwork.CHAIN_B);
    }
    line(String.format(Locale.ROOT, "load average at end: %.2f", os.getSystemLoadAverage()));
    Files.writeString(Path.of("target", "related-sync-cost.txt"), report);
  }

  private void measure(String label, String address, long chainId) {
    String wallet = address.toLowerCase(Locale.ROOT);
    forgetAll();
    ChainsProperties.Chain chain = chains.chain(chainId).orElseThrow();
    Counting counting = new Counting(chain.rpcUrl());
    ChainReader reader = new ChainReader(Web3j.build(counting), chainId);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    long cpu0 = threads.getCurrentThreadCpuTime();
    for (ChainsProperties.Market market : chain.markets()) {
      markets.sync(reader, chain, market, wallet);
    }
    facts.refresh(reader, wallet, Math.max(0, reader.headBlock() - chain.confirmations()));
    long baseCpu = threads.getCurrentThreadCpuTime() - cpu0;
    long baseCalls = counting.total();
    counting.reset();

    long cpu1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    var tokens =
        transfers.tokens(reader, chain, Math.max(0, reader.headBlock() - chain.confirmations()));
    transfers.sync(reader, chain, wallet, tokens);
    int counterparties = related.readCounterparties(reader, chain, List.of(wallet));
    long relatedCpu = threads.getCurrentThreadCpuTime() - cpu1;
    long relatedWall = System.nanoTime() - t1;
    line(
        String.format(
            Locale.ROOT,
            "%s | %s | %d | %.0f | %d | %.0f | %.0f | %s (%d counterparties read)",
            label,
            chain.name(),
            baseCalls,
            baseCpu / 1e6,
            counting.total(),
            relatedCpu / 1e6,
            relatedWall / 1e6,
            counting.byMethod(),
            counterparties));
  }

  /**
   * Clears everything synced on the demo chains (the test database is throw-away), so each
   * measurement reads the wallet and its counterparties from scratch.
   */
  private void forgetAll() {
    for (String table :
        List.of(
            "history_event",
            "history_cursor",
            "history_scanned_range",
            "history_wallet_fact",
            "history_transfer")) {
      jdbc.update(
          "DELETE FROM " + table + " WHERE chain_id IN (?, ?)",
          DemoNetwork.CHAIN_A,
          DemoNetwork.CHAIN_B);
    }
  }

  /** A fresh wallet on demo-b that a liquidated wallet sent 5,000 USDC; its address. */
  private static String fundedByALiquidatedWallet() throws Exception {
    DemoChain chain = DemoNetwork.shared().chain(DemoNetwork.CHAIN_B);
    Web3j web3j = DemoNetwork.shared().web3j(DemoNetwork.CHAIN_B);
    TestWallets.Evm liquidated = TestWallets.Evm.random();
    TestWallets.Evm funded = TestWallets.Evm.random();
    new Request<>(
            "anvil_setBalance",
            List.of(liquidated.address(), "0x8ac7230489e80000"),
            new HttpService(chain.rpcUrl()),
            AnvilNode.Raw.class)
        .send();
    var gas =
        new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(8_000_000));
    var sender =
        new RawTransactionManager(
            web3j,
            Credentials.create(liquidated.keys()),
            DemoNetwork.CHAIN_B,
            new PollingTransactionReceiptProcessor(web3j, 50, 200));
    DemoAavePool pool = DemoAavePool.load(chain.aavePool(), web3j, sender, gas);
    DemoToken usdc = DemoToken.load(chain.usdc(), web3j, sender, gas);
    pool.supply(chain.weth(), units("2", 18), liquidated.address(), BigInteger.ZERO).send();
    pool.borrow(
            chain.usdc(), units("4000", 6), BigInteger.TWO, BigInteger.ZERO, liquidated.address())
        .send();
    // Anyone may call the demo pool's liquidationCall; the wallet liquidates itself here.
    pool.liquidationCall(chain.weth(), chain.usdc(), liquidated.address(), units("2000", 6), false)
        .send();
    usdc.mint(liquidated.address(), units("10000", 6)).send();
    usdc.transfer(funded.address(), units("5000", 6)).send();
    return funded.address();
  }

  private static BigInteger units(String amount, int decimals) {
    return new BigDecimal(amount).movePointRight(decimals).toBigIntegerExact();
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }

  /** An HTTP service that counts JSON-RPC requests by method. */
  static final class Counting extends HttpService {
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    Counting(String url) {
      super(url);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      calls.computeIfAbsent(request.getMethod(), m -> new AtomicLong()).incrementAndGet();
      return super.send(request, responseType);
    }

    long total() {
      return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> byMethod() {
      Map<String, Long> out = new TreeMap<>();
      calls.forEach((method, n) -> out.put(method, n.get()));
      return out;
    }

    void reset() {
      calls.clear();
    }
  }
}
