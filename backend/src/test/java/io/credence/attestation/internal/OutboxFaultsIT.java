package io.credence.attestation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.AttestationRequest;
import io.credence.attestation.AttestationUid;
import io.credence.attestation.Attestations;
import io.credence.attestation.ChainStatus;
import io.credence.attestation.IssuanceFixtures;
import io.credence.attestations.RegistryClient;
import io.credence.borrower.ProfileId;
import io.credence.support.AnvilNode;
import io.credence.support.ApiClient;
import io.credence.support.RpcFaultProxy;
import io.credence.support.TestWallets;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;

/**
 * The outbox's faults, each its own test, on real Anvil chains: outbox instances are built here and
 * driven one pass at a time (the application's own outbox does not run in this context), so a
 * "restart" or a "second instance" is exactly that — another {@link MintOutbox} on the same
 * database and chain — and every test counts the relayer's transactions that carry the attestation:
 * exactly one.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxFaultsIT {

  /** Reached through a proxy that can fail. */
  static final long FLAKY = 31_451;

  /** Reached directly; its mining can be paused. */
  static final long DIRECT = 31_452;

  static RpcFaultProxy proxy;
  static RegistryClient flakyRegistry;
  static RegistryClient directRegistry;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEventPublisher events;
  @Autowired Clock clock;
  @Autowired DataSource dataSource;
  @Autowired AttestationChains chains;
  @Autowired AttestationProperties properties;
  @Autowired Attestations attestations;

  static synchronized void setUp() {
    if (proxy == null) {
      try {
        proxy = new RpcFaultProxy(AnvilNode.chain(FLAKY).rpcUrl());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      flakyRegistry = IssuanceFixtures.registry(AnvilNode.chain(FLAKY));
      directRegistry = IssuanceFixtures.registry(AnvilNode.chain(DIRECT));
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    setUp();
    registry.add("credence.chains[0].id", () -> FLAKY);
    registry.add("credence.chains[0].name", () -> "flaky");
    registry.add("credence.chains[0].rpc-url", () -> proxy.url());
    registry.add("credence.chains[0].confirmations", () -> 0);
    registry.add("credence.chains[0].max-block-range", () -> 1000);
    registry.add("credence.chains[0].registry-address", () -> flakyRegistry.address().toString());
    registry.add("credence.chains[1].id", () -> DIRECT);
    registry.add("credence.chains[1].name", () -> "direct");
    registry.add("credence.chains[1].rpc-url", () -> AnvilNode.chain(DIRECT).rpcUrl());
    registry.add("credence.chains[1].confirmations", () -> 0);
    registry.add("credence.chains[1].max-block-range", () -> 1000);
    registry.add("credence.chains[1].registry-address", () -> directRegistry.address().toString());
    registry.add("credence.issuer.key", () -> IssuanceFixtures.ISSUER_KEY);
    registry.add("credence.relayer.key", () -> IssuanceFixtures.RELAYER_KEY);
    registry.add("credence.attestation.opening-key", () -> IssuanceFixtures.OPENING_KEY);
  }

  @AfterAll
  static void cleanUp(@Autowired JdbcClient jdbc) {
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance LIKE ? OR task_instance LIKE ?")
        .params("%:" + FLAKY, "%:" + DIRECT)
        .update();
    proxy.mode(RpcFaultProxy.Mode.PASS);
  }

  MintOutbox instance(String name, Duration receiptTimeout, Duration lease) {
    var config =
        new AttestationProperties.Outbox(
            false,
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            lease,
            receiptTimeout,
            Duration.ofMillis(200),
            12,
            16,
            Duration.ofHours(1),
            null);
    return new MintOutbox(
        chains,
        new ChainGateway(Credentials.create(IssuanceFixtures.RELAYER_KEY), receiptTimeout),
        jdbc,
        tx,
        events,
        clock,
        config,
        dataSource,
        name,
        null);
  }

  MintOutbox instance(String name) {
    return instance(name, Duration.ofSeconds(3), Duration.ofSeconds(30));
  }

  /** An attestation issued and consented for {@code chain}; its uid and nonce (hex). */
  record Queued(AttestationUid uid, String nonceHex) {}

  Queued queued(long chain) {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    ApiClient client = new ApiClient(port);
    String profile = client.signIn(wallet).body().get("profileId").asString();
    IssuanceFixtures.seedGoodHistory(jdbc, profile, wallet.address(), FLAKY, Instant.now());
    TestWallets.Evm presentation = TestWallets.Evm.random();
    ProfileId id = new ProfileId(UUID.fromString(profile));
    var issued =
        attestations.request(
            id,
            new AttestationRequest(
                new AttestationRequest.Band(), presentation.address(), List.of(chain), 7));
    var registry = issued.consents().get(0).registry();
    attestations.consent(
        id,
        issued.uid(),
        chain,
        IssuanceFixtures.consent(presentation, issued.uid().toString(), chain, registry));
    BigInteger nonce =
        attestations.find(issued.uid()).orElseThrow().credential().attestation().nonce();
    return new Queued(issued.uid(), String.format("%064x", nonce));
  }

  ChainStatus status(AttestationUid uid, long chain) {
    return attestations.find(uid).orElseThrow().chains().stream()
        .filter(c -> c.chainId() == chain)
        .findFirst()
        .orElseThrow();
  }

  /** Runs passes of {@code outbox} on {@code chain} until the status satisfies {@code done}. */
  ChainStatus runUntil(
      MintOutbox outbox, long chain, AttestationUid uid, Predicate<ChainStatus> done)
      throws InterruptedException {
    AttestationChains.Chain c = chains.chain(chain).orElseThrow();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    ChainStatus s = status(uid, chain);
    while (!done.test(s)) {
      assertThat(Instant.now()).as("status reached in time: " + s).isBefore(deadline);
      outbox.runChain(c);
      Thread.sleep(100);
      s = status(uid, chain);
    }
    return s;
  }

  static long block(long chain) throws java.io.IOException {
    return AnvilNode.chain(chain).web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  long sentFor(long chain, long fromBlock, Queued q) throws java.io.IOException {
    return IssuanceFixtures.relayerTransactionsContaining(
        AnvilNode.chain(chain), fromBlock, q.nonceHex());
  }

  @Test
  void aChainThatIsDownAtMintIsRetriedAndTheAttestationMintedOnce() throws Exception {
    long from = block(FLAKY);
    Queued q = queued(FLAKY);
    MintOutbox outbox = instance("down-test");
    proxy.mode(RpcFaultProxy.Mode.DOWN);
    try {
      outbox.runChain(chains.chain(FLAKY).orElseThrow());
      ChainStatus failedOnce = status(q.uid(), FLAKY);
      assertThat(failedOnce.state()).isEqualTo(ChainStatus.State.PENDING);
      assertThat(failedOnce.failure()).isNotBlank();
      assertThat(attempts(q.uid(), FLAKY)).isEqualTo(1);
    } finally {
      proxy.mode(RpcFaultProxy.Mode.PASS);
    }
    ChainStatus minted =
        runUntil(outbox, FLAKY, q.uid(), s -> s.state() == ChainStatus.State.MINTED);
    assertThat(minted.txHash()).startsWith("0x");
    assertThat(sentFor(FLAKY, from, q)).isEqualTo(1);
  }

  @Test
  void anRpcErrorForTheReceiptLeavesTheSubmittedMintToBeSettledWithoutSendingItAgain()
      throws Exception {
    long from = block(FLAKY);
    Queued q = queued(FLAKY);
    MintOutbox outbox = instance("receipt-test", Duration.ofSeconds(1), Duration.ofSeconds(30));
    proxy.mode(RpcFaultProxy.Mode.RECEIPT_ERROR);
    try {
      outbox.runChain(chains.chain(FLAKY).orElseThrow());
      ChainStatus submitted = status(q.uid(), FLAKY);
      assertThat(submitted.state()).isEqualTo(ChainStatus.State.SUBMITTED);
      assertThat(submitted.failure()).contains("receipt");
      Thread.sleep(500);
      outbox.runChain(chains.chain(FLAKY).orElseThrow()); // still failing: must not resend
      assertThat(status(q.uid(), FLAKY).state()).isEqualTo(ChainStatus.State.SUBMITTED);
    } finally {
      proxy.mode(RpcFaultProxy.Mode.PASS);
    }
    ChainStatus minted =
        runUntil(outbox, FLAKY, q.uid(), s -> s.state() == ChainStatus.State.MINTED);
    assertThat(minted.txHash()).isEqualTo(txHash(q.uid(), FLAKY));
    assertThat(sentFor(FLAKY, from, q)).isEqualTo(1);
  }

  @Test
  void aRestartBetweenSubmitAndReceiptWaitsForTheSentTransactionInsteadOfMintingAgain()
      throws Exception {
    AnvilNode node = AnvilNode.chain(DIRECT);
    long from = block(DIRECT);
    Queued q = queued(DIRECT);
    node.rpc("evm_setAutomine", false);
    try {
      MintOutbox first = instance("before-restart", Duration.ofSeconds(1), Duration.ofSeconds(2));
      first.runChain(chains.chain(DIRECT).orElseThrow());
      assertThat(status(q.uid(), DIRECT).state()).isEqualTo(ChainStatus.State.SUBMITTED);
      // The instance dies holding its claim.
      jdbc.sql("UPDATE attestation_chain SET claimed_by = 'dead', claimed_until = ? WHERE uid = ?")
          .params(Timestamp.from(Instant.now().plusSeconds(2)), q.uid().bytes())
          .update();

      MintOutbox restarted = instance("after-restart");
      restarted.runChain(chains.chain(DIRECT).orElseThrow()); // the lease still holds: nothing
      assertThat(claimedBy(q.uid(), DIRECT)).isEqualTo("dead");
      Thread.sleep(2200);
      restarted.runChain(chains.chain(DIRECT).orElseThrow()); // takes over; the tx is pending
      assertThat(status(q.uid(), DIRECT).state()).isEqualTo(ChainStatus.State.SUBMITTED);
      node.rpc("evm_mine");
      node.rpc("evm_setAutomine", true);
      ChainStatus minted =
          runUntil(restarted, DIRECT, q.uid(), s -> s.state() == ChainStatus.State.MINTED);
      assertThat(minted.block()).isPositive();
    } finally {
      node.rpc("evm_setAutomine", true);
    }
    assertThat(sentFor(DIRECT, from, q)).isEqualTo(1);
  }

  @Test
  void twoInstancesRacingForOneOutboxRowSubmitItOnce() throws Exception {
    long from = block(DIRECT);
    Queued q = queued(DIRECT);
    MintOutbox one = instance("racer-one");
    MintOutbox two = instance("racer-two");
    CountDownLatch go = new CountDownLatch(1);
    AttestationChains.Chain chain = chains.chain(DIRECT).orElseThrow();
    Thread a = Thread.ofVirtual().start(() -> race(go, one, chain));
    Thread b = Thread.ofVirtual().start(() -> race(go, two, chain));
    go.countDown();
    a.join();
    b.join();
    runUntil(one, DIRECT, q.uid(), s -> s.state() == ChainStatus.State.MINTED);
    assertThat(sentFor(DIRECT, from, q)).isEqualTo(1);
  }

  private static void race(CountDownLatch go, MintOutbox outbox, AttestationChains.Chain chain) {
    try {
      go.await();
      outbox.runChain(chain);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRelayerOutOfFundsIsReportedAndTheMintRetriedOnceFunded() throws Exception {
    AnvilNode node = AnvilNode.chain(DIRECT);
    String relayer = Credentials.create(IssuanceFixtures.RELAYER_KEY).getAddress();
    long from = block(DIRECT);
    Queued q = queued(DIRECT);
    MintOutbox outbox = instance("funds-test");
    RelayerHealth health = new RelayerHealth(outbox, chains, properties);
    node.rpc("anvil_setBalance", relayer, "0x0");
    try {
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      outbox.runChain(chains.chain(DIRECT).orElseThrow());
      ChainStatus unpaid = status(q.uid(), DIRECT);
      assertThat(unpaid.state()).isEqualTo(ChainStatus.State.PENDING);
      assertThat(unpaid.failure()).containsIgnoringCase("funds");
    } finally {
      node.rpc("anvil_setBalance", relayer, "0x56bc75e2d63100000"); // 100 ether
    }
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    runUntil(outbox, DIRECT, q.uid(), s -> s.state() == ChainStatus.State.MINTED);
    assertThat(sentFor(DIRECT, from, q)).isEqualTo(1);
  }

  @Test
  void severalDueMintsGoOutInOneBatchTransaction() throws Exception {
    long from = block(DIRECT);
    List<Queued> due = List.of(queued(DIRECT), queued(DIRECT), queued(DIRECT));
    MintOutbox outbox = instance("batch-test");
    outbox.runChain(chains.chain(DIRECT).orElseThrow());
    List<ChainStatus> statuses = due.stream().map(q -> status(q.uid(), DIRECT)).toList();
    assertThat(statuses).extracting(ChainStatus::state).containsOnly(ChainStatus.State.MINTED);
    assertThat(statuses.stream().map(ChainStatus::txHash).distinct()).hasSize(1);
    for (Queued q : due) {
      assertThat(sentFor(DIRECT, from, q)).isEqualTo(1);
      assertThat(
              directRegistry.getAttestation(
                  io.credence.attestations.Bytes32.parse(q.uid().toString())))
          .isPresent();
    }
  }

  @Test
  void aMintCountsOnlyOnceItsReceiptHasTheChainsConfirmations() throws Exception {
    Queued q = queued(DIRECT);
    AttestationChains.Chain direct = chains.chain(DIRECT).orElseThrow();
    AttestationChains.Chain deep =
        new AttestationChains.Chain(
            direct.id(), direct.name(), direct.rpcUrl(), 3, direct.registryAddress());
    var config =
        new AttestationProperties.Outbox(
            false,
            null,
            null,
            null,
            Duration.ofSeconds(3),
            Duration.ofMillis(200),
            12,
            16,
            null,
            null);
    MintOutbox outbox =
        new MintOutbox(
            new AttestationChains(List.of(deep)),
            new ChainGateway(
                Credentials.create(IssuanceFixtures.RELAYER_KEY), Duration.ofSeconds(3)),
            jdbc,
            tx,
            events,
            clock,
            config,
            dataSource,
            "confirmations-test",
            null);
    outbox.runChain(deep);
    ChainStatus mined = status(q.uid(), DIRECT);
    assertThat(mined.state()).isEqualTo(ChainStatus.State.SUBMITTED);
    assertThat(mined.block()).isPositive();
    Thread.sleep(1100);
    outbox.runChain(deep); // still too shallow
    assertThat(status(q.uid(), DIRECT).state()).isEqualTo(ChainStatus.State.SUBMITTED);
    AnvilNode.chain(DIRECT).rpc("anvil_mine", "0x3");
    Thread.sleep(1100);
    outbox.runChain(deep);
    assertThat(status(q.uid(), DIRECT).state()).isEqualTo(ChainStatus.State.MINTED);
  }

  int attempts(AttestationUid uid, long chain) {
    return jdbc.sql("SELECT attempts FROM attestation_chain WHERE uid = ? AND chain_id = ?")
        .params(uid.bytes(), chain)
        .query(Integer.class)
        .single();
  }

  String claimedBy(AttestationUid uid, long chain) {
    return jdbc.sql("SELECT claimed_by FROM attestation_chain WHERE uid = ? AND chain_id = ?")
        .params(uid.bytes(), chain)
        .query(String.class)
        .single();
  }

  String txHash(AttestationUid uid, long chain) {
    return jdbc.sql("SELECT mint_tx_hash FROM attestation_chain WHERE uid = ? AND chain_id = ?")
        .params(uid.bytes(), chain)
        .query(String.class)
        .single();
  }
}
