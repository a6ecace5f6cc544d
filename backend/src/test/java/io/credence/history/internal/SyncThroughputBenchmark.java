package io.credence.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.AnvilNode;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Sync throughput harness (not part of the default suite: its name matches neither {@code *Test}
 * nor {@code *IT}). Run with {@code ./mvnw -B -pl backend -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SyncThroughputBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false}. Emits 10,000 Aave {@code Supply} events for one wallet
 * on a fresh Anvil after 20,000 empty blocks (automine off, signed raw transactions, mined in full
 * blocks), then syncs the wallet once from block 0 and prints wall time and the syncing thread's
 * CPU time. Results: docs/benchmarks.md, "history (sync)".
 */
@SpringBootTest
class SyncThroughputBenchmark {

  static final int EVENTS = 10_000;

  @Autowired MarketSync sync;

  @Test
  void syncTenThousandEvents() throws Exception {
    AnvilNode node = AnvilNode.chain(31_404);
    DemoMarketsOnAnvil markets = DemoMarketsOnAnvil.deploy(node);
    String wallet = "0x00000000000000000000000000000000000b3c4f";
    Credentials sender = node.account(0);
    BigInteger nonce =
        node.web3j()
            .ethGetTransactionCount(
                sender.getAddress(), org.web3j.protocol.core.DefaultBlockParameterName.PENDING)
            .send()
            .getTransactionCount();
    String data =
        FunctionEncoder.encode(
            new Function(
                "supply",
                List.of(
                    new Address(markets.weth.getContractAddress()),
                    new Uint256(BigInteger.TEN.pow(15)),
                    new Address(wallet),
                    new Uint16(0)),
                List.of()));
    // Empty blocks first: Anvil keeps state only for recent blocks, and the reader prices each
    // event
    // by eth_call at its block.
    node.rpc("anvil_mine", "0x4e20"); // 20,000 empty blocks
    node.rpc("evm_setAutomine", false);
    for (int i = 0; i < EVENTS; i++) {
      RawTransaction tx =
          RawTransaction.createTransaction(
              nonce.add(BigInteger.valueOf(i)),
              BigInteger.valueOf(2_000_000_000L),
              BigInteger.valueOf(120_000),
              markets.pool.getContractAddress(),
              data);
      String signed =
          Numeric.toHexString(TransactionEncoder.signMessage(tx, node.chainId(), sender));
      var sent = node.web3j().ethSendRawTransaction(signed).send();
      assertThat(sent.hasError()).as(sent.hasError() ? sent.getError().getMessage() : "").isFalse();
    }
    while (node.web3j()
            .ethGetTransactionCount(
                sender.getAddress(), org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
            .send()
            .getTransactionCount()
            .compareTo(nonce.add(BigInteger.valueOf(EVENTS)))
        < 0) {
      node.rpc("evm_mine");
    }
    node.rpc("evm_setAutomine", true);

    var chain = markets.chain(2000);
    var reader = new ChainReader(node.web3j(), node.chainId());
    var threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    long wallBefore = System.nanoTime();
    MarketSync.Outcome outcome =
        sync.sync(reader, chain, markets.aaveMarket(), wallet.toLowerCase(Locale.ROOT));
    double wall = (System.nanoTime() - wallBefore) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;

    assertThat(outcome.eventsStored()).isEqualTo(EVENTS);
    System.out.printf(
        Locale.ROOT,
        "SYNC-BENCHMARK events=%d blocks=%d wall=%.2fs cpu=%.2fs events/s(wall)=%.0f"
            + " blocks/s(wall)=%.0f events/s(cpu)=%.0f%n",
        outcome.eventsStored(),
        outcome.blocksScanned(),
        wall,
        cpu,
        outcome.eventsStored() / wall,
        outcome.blocksScanned() / wall,
        outcome.eventsStored() / cpu);
  }
}
