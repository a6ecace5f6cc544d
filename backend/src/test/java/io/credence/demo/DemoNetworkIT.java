package io.credence.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestations.RegistryClient;
import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.demo.DemoComet;
import io.credence.support.DemoNetwork;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/** The demo network the default run starts and the tests share: deployed, seeded, kept. */
class DemoNetworkIT {

  private static final String ADMIN = DemoAccounts.address(DemoAccounts.ADMIN);

  @Test
  void bothChainsHoldTheSameContractsAtTheDeployersNonceAddresses() {
    DemoNetwork demo = DemoNetwork.shared();
    assertThat(demo.chains()).extracting(DemoChain::chainId).containsExactly(31337L, 31338L);
    assertThat(demo.chains()).extracting(DemoChain::name).containsExactly("demo-a", "demo-b");
    DemoChain a = demo.chain(DemoNetwork.CHAIN_A);
    DemoChain b = demo.chain(DemoNetwork.CHAIN_B);
    assertThat(b)
        .usingRecursiveComparison()
        .ignoringFields("chainId", "name", "rpcUrl")
        .isEqualTo(a);
    // CREATE addresses from account 0's nonces 0, 1, 2, 5, 6, 7, 8, 9, 10, 12 (3, 4 set prices,
    // 11 authorises the issuer).
    assertThat(a.weth()).isEqualTo(created(0));
    assertThat(a.usdc()).isEqualTo(created(1));
    assertThat(a.aaveOracle()).isEqualTo(created(2));
    assertThat(a.aavePool()).isEqualTo(created(5));
    assertThat(a.usdcPriceFeed()).isEqualTo(created(6));
    assertThat(a.wethPriceFeed()).isEqualTo(created(7));
    assertThat(a.comet()).isEqualTo(created(8));
    assertThat(a.verifier()).isEqualTo(created(9));
    assertThat(a.registry()).isEqualTo(created(10));
    assertThat(a.lendingPool()).isEqualTo(created(12));
  }

  @Test
  void theSeededPositionsAndTheIssuerAreThere() throws Exception {
    DemoNetwork demo = DemoNetwork.shared();
    DemoChain a = demo.chain(DemoNetwork.CHAIN_A);
    Web3j chainA = demo.web3j(DemoNetwork.CHAIN_A);
    var readOnly = new ReadonlyTransactionManager(chainA, ADMIN);
    DemoAavePool pool = DemoAavePool.load(a.aavePool(), chainA, readOnly, new DefaultGasProvider());
    // Account 1 has 10 WETH at $2,900 and an open 5,000 USDC loan (8 decimals of USD).
    var account1 = pool.getUserAccountData(DemoNetwork.address(1)).send();
    assertThat(account1.component1()).isEqualTo(BigInteger.valueOf(29_000_00000000L));
    assertThat(account1.component2()).isEqualTo(BigInteger.valueOf(5_000_00000000L));
    // Account 3 was liquidated: 3,250 of its 6,500 USDC debt covered.
    assertThat(pool.getUserAccountData(DemoNetwork.address(3)).send().component2())
        .isEqualTo(BigInteger.valueOf(3_250_00000000L));
    // Account 2 borrows 3,000 USDC on chain B's Comet; account 5 has no Comet debt.
    DemoChain b = demo.chain(DemoNetwork.CHAIN_B);
    Web3j chainB = demo.web3j(DemoNetwork.CHAIN_B);
    DemoComet comet =
        DemoComet.load(
            b.comet(),
            chainB,
            new ReadonlyTransactionManager(chainB, ADMIN),
            new DefaultGasProvider());
    assertThat(comet.borrowBalanceOf(DemoNetwork.address(2)).send())
        .isEqualTo(BigInteger.valueOf(3_000_000000L));
    assertThat(comet.borrowBalanceOf(DemoNetwork.address(5)).send()).isZero();
    for (DemoChain chain : demo.chains()) {
      Web3j web3j = demo.web3j(chain.chainId());
      RegistryClient registry =
          RegistryClient.at(
              web3j,
              new ReadonlyTransactionManager(web3j, ADMIN),
              new DefaultGasProvider(),
              chain.registry());
      assertThat(
              registry.isIssuer(
                  new Address(DemoAccounts.credentials(DemoAccounts.ISSUER).getAddress())))
          .isTrue();
      assertThat(registry.verifier().toString()).isEqualToIgnoringCase(chain.verifier());
    }
  }

  @Test
  void theSpringPropertiesConfigureBothChainsAsAnOperatorWould() {
    var properties = DemoNetwork.shared().springProperties();
    DemoChain b = DemoNetwork.shared().chain(DemoNetwork.CHAIN_B);
    assertThat(properties)
        .containsEntry("credence.chains[1].id", 31338L)
        .containsEntry("credence.chains[1].rpc-url", b.rpcUrl())
        .containsEntry("credence.chains[1].registry-address", b.registry())
        .containsEntry("credence.chains[1].markets[0].protocol", "aave-v3")
        .containsEntry("credence.chains[1].markets[0].address", b.aavePool())
        .containsEntry("credence.chains[1].markets[0].oracle", b.aaveOracle())
        .containsEntry("credence.chains[1].markets[1].protocol", "compound-v3")
        .containsEntry("credence.chains[1].markets[1].address", b.comet())
        .containsEntry("credence.issuer.key", DemoNetwork.issuerKey())
        .containsEntry("credence.relayer.key", DemoNetwork.relayerKey())
        .containsEntry("credence.demo.lender-address", DemoNetwork.address(8))
        .containsEntry("credence.demo.compliance-address", DemoNetwork.address(9));
  }

  /** What the default run does across a restart: the second start finds the chains kept. */
  @Test
  void aRestartKeepsBothChainsAndDoesNotRedeploy(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path binary = io.credence.support.DemoNetwork.anvilBinary();
    List<DemoChain> first;
    long blockA;
    try (LocalDemoNetwork demo = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(demo.deployedNow()).isTrue();
      first = demo.chains();
      blockA = demo.chain(31337).startBlock();
    }
    assertThat(dir.resolve("chain-31337.json")).exists();
    assertThat(dir.resolve("chain-31338.properties")).exists();
    try (LocalDemoNetwork again = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(again.deployedNow()).isFalse();
      assertThat(again.chains())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rpcUrl")
          .isEqualTo(first);
      assertThat(again.chain(31337).startBlock()).isEqualTo(blockA);
      // The kept chain still answers for past blocks: WETH cost $3,000 when the markets were
      // deployed, $2,900 now (the seeded price drop and recovery).
      DemoChain kept = again.chain(31337);
      Web3j web3j = Web3j.build(new org.web3j.protocol.http.HttpService(kept.rpcUrl()));
      var oracle =
          io.credence.attestations.demo.DemoAaveOracle.load(
              kept.aaveOracle(),
              web3j,
              new ReadonlyTransactionManager(web3j, ADMIN),
              new DefaultGasProvider());
      assertThat(oracle.getAssetPrice(kept.weth()).send())
          .isEqualTo(BigInteger.valueOf(2900_00000000L));
      oracle.setDefaultBlockParameter(
          org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(blockA + 1)));
      assertThat(oracle.getAssetPrice(kept.weth()).send())
          .isEqualTo(BigInteger.valueOf(3000_00000000L));
    }
    // A chain whose state file is lost is started afresh and deployed again; the other is kept.
    Files.delete(dir.resolve("chain-31338.json"));
    try (LocalDemoNetwork third = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(third.deployedNow()).isTrue();
      assertThat(third.chains())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rpcUrl")
          .isEqualTo(first);
      // A second server on the same folder is refused before it starts any node.
      assertThatThrownBy(() -> LocalDemoNetwork.start(binary, dir, 0, dir))
          .hasMessageStartingWith("Credence is already running with the data folder")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    // The state files survive the stop: nothing half-written was left behind.
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .contains("chain-31337.json", "chain-31338.json")
        .noneMatch(name -> name.endsWith(".tmp"));
  }

  private static String created(long nonce) {
    return Keys.toChecksumAddress(
        Numeric.toHexString(
            org.web3j.crypto.ContractUtils.generateContractAddress(
                Numeric.hexStringToByteArray(ADMIN), BigInteger.valueOf(nonce))));
  }
}
