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
    // Audit anchoring on 31337, into the contract the demo deployed, with its own keys.
    DemoChain a = DemoNetwork.shared().chain(DemoNetwork.CHAIN_A);
    DemoAuditAnchor anchor = DemoNetwork.shared().auditAnchor();
    assertThat(anchor.contract()).isEqualTo(anchorAddress());
    assertThat(properties)
        .containsEntry("credence.audit.anchor.rpc-url", a.rpcUrl())
        .containsEntry("credence.audit.anchor.chain-id", 31337L)
        .containsEntry("credence.audit.anchor.contract-address", anchor.contract())
        .containsEntry("credence.audit.anchor.start-block", anchor.deployedInBlock())
        .containsEntry(
            "credence.audit.anchor.sender-key", DemoAccounts.key(DemoAccounts.AUDIT_ANCHOR_SENDER))
        .containsEntry(
            "credence.audit.anchor.signing-key", DemoAccounts.key(DemoAccounts.AUDIT_SIGNER))
        .containsEntry("credence.audit.anchor.every-entries", 20)
        .containsEntry("credence.audit.anchor.every", "1m")
        .doesNotContainKey("credence.audit.anchor.deploy-on-start");
    // Its own sender: neither the relayer (account 0) nor the issuer (7) nor any seeded account.
    assertThat(DemoAccounts.AUDIT_ANCHOR_SENDER)
        .isNotIn(DemoAccounts.ADMIN, DemoAccounts.ISSUER, DemoAccounts.AUDIT_SIGNER)
        .isGreaterThan(9);
  }

  /** What the default run does across a restart: the second start finds the chains kept. */
  @Test
  void aRestartKeepsBothChainsAndDoesNotRedeploy(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path binary = io.credence.support.DemoNetwork.anvilBinary();
    List<DemoChain> first;
    long blockA;
    DemoAuditAnchor anchor;
    try (LocalDemoNetwork demo = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(demo.deployedNow()).isTrue();
      first = demo.chains();
      blockA = demo.chain(31337).startBlock();
      anchor = demo.auditAnchor();
      assertThat(anchor.contract()).isEqualTo(anchorAddress());
      assertThat(code(demo.chain(31337).rpcUrl(), anchor.contract())).isEqualTo(ANCHOR_RUNTIME);
    }
    assertThat(dir.resolve("chain-31337.json")).exists();
    assertThat(dir.resolve("chain-31338.properties")).exists();
    assertThat(Files.readString(dir.resolve("chain-31337.properties")))
        .contains("audit-anchor=" + anchor.contract());
    try (LocalDemoNetwork again = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(again.deployedNow()).isFalse();
      assertThat(again.chains())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rpcUrl")
          .isEqualTo(first);
      assertThat(again.chain(31337).startBlock()).isEqualTo(blockA);
      // The same anchor contract, not deployed again: its sender sent only that one transaction.
      assertThat(again.auditAnchor())
          .usingRecursiveComparison()
          .ignoringFields("rpcUrl")
          .isEqualTo(anchor);
      assertThat(nonce(again.chain(31337).rpcUrl(), DemoAccounts.AUDIT_ANCHOR_SENDER)).isOne();
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
    // A chain whose state file is lost is started afresh and deployed again, its audit anchor too
    // (a fresh chain's anchor is the sender's first contract); the other is kept.
    Files.delete(dir.resolve("chain-31337.json"));
    try (LocalDemoNetwork third = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(third.deployedNow()).isTrue();
      assertThat(third.chains())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rpcUrl")
          .isEqualTo(first);
      assertThat(third.auditAnchor().contract()).isEqualTo(anchor.contract());
      assertThat(code(third.chain(31337).rpcUrl(), anchor.contract())).isEqualTo(ANCHOR_RUNTIME);
      // A second server on the same folder is refused before it starts any node.
      assertThatThrownBy(() -> LocalDemoNetwork.start(binary, dir, 0, dir))
          .hasMessageStartingWith("Credence is already running with the data folder")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    // A kept chain deployed by another build's contracts (here: its manifest says so) is started
    // afresh: a verifier from before a protocol revision would refuse the new proofs.
    Path manifestB = dir.resolve("chain-31338.properties");
    Files.writeString(
        manifestB,
        Files.readString(manifestB).replaceFirst("(?m)^contracts=.*$", "contracts=an-older-build"));
    try (LocalDemoNetwork fourth = LocalDemoNetwork.start(binary, dir, 0, dir)) {
      assertThat(fourth.deployedNow()).isTrue();
      assertThat(fourth.chains())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rpcUrl")
          .isEqualTo(first);
    }
    assertThat(Files.readString(manifestB)).doesNotContain("an-older-build").contains("contracts=");
    // The state files survive the stop: nothing half-written was left behind.
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .contains("chain-31337.json", "chain-31338.json")
        .noneMatch(name -> name.endsWith(".tmp"));
  }

  /** The audit module's anchor contract (docs/operations.md "Audit anchoring"). */
  private static final String ANCHOR_RUNTIME = "0x366000600037366000a000";

  /** A fresh chain's anchor: account 10's first contract. */
  private static String anchorAddress() {
    return Keys.toChecksumAddress(
        Numeric.toHexString(
            org.web3j.crypto.ContractUtils.generateContractAddress(
                Numeric.hexStringToByteArray(
                    DemoAccounts.address(DemoAccounts.AUDIT_ANCHOR_SENDER)),
                BigInteger.ZERO)));
  }

  private static String code(String rpcUrl, String address) throws Exception {
    Web3j web3j = Web3j.build(new org.web3j.protocol.http.HttpService(rpcUrl));
    try {
      return web3j
          .ethGetCode(address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
          .send()
          .getCode();
    } finally {
      web3j.shutdown();
    }
  }

  private static long nonce(String rpcUrl, int account) throws Exception {
    Web3j web3j = Web3j.build(new org.web3j.protocol.http.HttpService(rpcUrl));
    try {
      return web3j
          .ethGetTransactionCount(
              DemoAccounts.address(account),
              org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
          .send()
          .getTransactionCount()
          .longValueExact();
    } finally {
      web3j.shutdown();
    }
  }

  private static String created(long nonce) {
    return Keys.toChecksumAddress(
        Numeric.toHexString(
            org.web3j.crypto.ContractUtils.generateContractAddress(
                Numeric.hexStringToByteArray(ADMIN), BigInteger.valueOf(nonce))));
  }
}
