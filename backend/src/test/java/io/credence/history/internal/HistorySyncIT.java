package io.credence.history.internal;

import static io.credence.history.internal.DemoMarketsOnAnvil.usdc;
import static io.credence.history.internal.DemoMarketsOnAnvil.weth;
import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.demo.DemoContractWallet;
import io.credence.support.AnvilNode;
import io.credence.support.ApiClient;
import io.credence.support.ScoringCli;
import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sync over HTTP on the job engine: a borrower signs in, the sync of a live Anvil chain completes
 * while a second chain whose RPC is down fails and is reported without holding it up; the export
 * holds the chain's events in the credence-history format.
 */
// Closed after the class, so its job scheduler stops taking jobs once its tests are done.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistorySyncIT {

  static final long LIVE = 31_402;
  static final long DOWN = 31_499;
  static DemoMarketsOnAnvil markets;

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** The down chain's job would be retried for minutes; other test classes need not see it. */
  @org.junit.jupiter.api.AfterEach
  void dropTheDownChainsRetries() {
    jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance LIKE ?", "%:" + DOWN);
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.credence.history.BorrowerHistories histories;

  static synchronized DemoMarketsOnAnvil markets() {
    if (markets == null) {
      try {
        markets = DemoMarketsOnAnvil.deploy(AnvilNode.chain(LIVE));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return markets;
  }

  @DynamicPropertySource
  static void chains(DynamicPropertyRegistry registry) {
    registry.add("credence.chains[0].id", () -> LIVE);
    registry.add("credence.chains[0].name", () -> "anvil-live");
    registry.add("credence.chains[0].rpc-url", () -> markets().node.rpcUrl());
    registry.add("credence.chains[0].public-rpc-url", () -> markets().node.rpcUrl());
    registry.add("credence.chains[0].confirmations", () -> 0);
    registry.add("credence.chains[0].max-block-range", () -> 1000);
    registry.add("credence.chains[0].markets[0].protocol", () -> "aave-v3");
    registry.add(
        "credence.chains[0].markets[0].address", () -> markets().pool.getContractAddress());
    registry.add(
        "credence.chains[0].markets[0].oracle", () -> markets().oracle.getContractAddress());
    registry.add("credence.chains[0].markets[1].protocol", () -> "compound-v3");
    registry.add(
        "credence.chains[0].markets[1].address", () -> markets().comet.getContractAddress());
    registry.add("credence.chains[1].id", () -> DOWN);
    registry.add("credence.chains[1].name", () -> "down");
    registry.add("credence.chains[1].rpc-url", () -> "http://127.0.0.1:9");
    registry.add("credence.chains[1].confirmations", () -> 0);
    registry.add("credence.chains[1].max-block-range", () -> 1000);
    registry.add("credence.chains[1].markets[0].protocol", () -> "aave-v3");
    registry.add(
        "credence.chains[1].markets[0].address",
        () -> "0x000000000000000000000000000000000000dead");
    registry.add(
        "credence.chains[1].markets[0].oracle", () -> "0x000000000000000000000000000000000000beef");
    registry.add("credence.auth.evm-chain-ids", () -> "1,137,31337," + LIVE);
    registry.add("credence.history.run-jobs", () -> true);
    registry.add("credence.history.polling-interval", () -> "200ms");
    registry.add("credence.history.retry-backoff", () -> "1s");
  }

  @Test
  void aBorrowersSyncCompletesOnTheLiveChainWhileTheDownChainFailsAndTheExportHoldsTheEvents()
      throws Exception {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    String weth = markets().weth.getContractAddress();
    String usdc = markets().usdc.getContractAddress();
    var pool = markets().poolAs(0);
    pool.supply(weth, weth("1"), wallet.address(), BigInteger.ZERO).send();
    pool.borrow(usdc, usdc("500"), BigInteger.TWO, BigInteger.ZERO, wallet.address()).send();
    markets().cometAs(0).supplyTo(wallet.address(), weth, weth("2")).send();

    ApiClient client = new ApiClient(port);
    assertThat(client.get("/api/v1/history").status()).isEqualTo(401);
    assertThat(client.post("/api/v1/sync", Map.of()).status()).isEqualTo(401);
    ApiClient.Response signedIn = client.signIn(wallet);
    assertThat(signedIn.status()).isEqualTo(200);

    ApiClient.Response requested = client.post("/api/v1/sync", Map.of());
    assertThat(requested.status()).isEqualTo(202);
    assertThat(requested.body().get("chains").findValuesAsString("chain"))
        .containsExactly("anvil-live", "down");

    JsonNode live = awaitState(client, LIVE, "done");
    JsonNode down = awaitState(client, DOWN, "failed");
    // Signing in linked the wallet, which queues a sync of its own; the explicit request may run
    // after it and find nothing new. The counters are the last run's, so that run read all three
    // events or none; the export below shows each was stored exactly once.
    assertThat(live.get("eventsRead").asLong()).isIn(0L, 3L);
    assertThat(live.get("blocksScanned").asLong()).isPositive();
    assertThat(down.get("lastError").asString()).contains("chain " + DOWN);

    ApiClient.Response history = client.get("/api/v1/history");
    assertThat(history.status()).isEqualTo(200);
    JsonNode body = history.body();
    assertThat(body.get("historyFormat").asString()).isEqualTo("credence-history");
    assertThat(body.get("formatVersion").asInt()).isEqualTo(2);
    assertThat(body.get("relatedWallets").isArray()).isTrue();
    assertThat(body.get("relatedWallets")).as("no transfers, no related wallets").isEmpty();
    assertThat(Instant.parse(body.get("asOf").asString())).isBefore(Instant.now().plusSeconds(1));
    assertThat(
            StreamSupport.stream(body.get("events").spliterator(), false)
                .map(
                    e ->
                        e.get("type").asString()
                            + " "
                            + e.get("protocol").asString()
                            + " "
                            + e.get("asset").asString()
                            + " "
                            + e.get("amountUsd").asDouble()
                            + " "
                            + e.get("chain").asString()))
        .containsExactlyInAnyOrder(
            "SUPPLY aave-v3 WETH 3000.0 anvil-live",
            "BORROW aave-v3 USDC 500.0 anvil-live",
            "SUPPLY compound-v3 WETH 6000.0 anvil-live");
    // The wallet never sent a transaction itself (account 0 acted on its behalf).
    assertThat(body.get("chains")).hasSize(1);
    JsonNode activity = body.get("chains").get(0);
    assertThat(activity.get("chain").asString()).isEqualTo("anvil-live");
    assertThat(activity.get("transactionCount").asLong()).isZero();
    assertThat(activity.get("firstTransactionAt").isNull()).isTrue();
    assertThat(activity.get("activeMonths")).hasSize(1);
    assertThat(body.get("positions").isArray()).isTrue();

    // score --history on the export gives the score the server's own history gives.
    java.nio.file.Path file = java.nio.file.Files.createTempFile("history", ".json");
    java.nio.file.Files.writeString(file, history.raw());
    var scorecard = io.credence.scoring.artifact.ModelArtifacts.loadBundled().scorecard();
    var serverHistory =
        histories.history(
            new io.credence.borrower.ProfileId(
                java.util.UUID.fromString(signedIn.body().get("profileId").asString())),
            Instant.parse(body.get("asOf").asString()));
    // A fresh chain is a thin file: both sides must then refuse it with the same reason.
    String expected;
    try {
      expected = "score: " + scorecard.score(serverHistory.features()).score() + "\n";
    } catch (RuntimeException refused) {
      expected = refused.getMessage();
    }
    assertThat(ScoringCli.scoreHistory(file)).contains(expected);

    ApiClient.Response chains = new ApiClient(port).get("/api/v1/chains");
    assertThat(chains.status()).isEqualTo(200);
    assertThat(chains.body().findValuesAsString("name")).containsExactly("anvil-live", "down");
  }

  @Test
  void aContractWalletSignsInThroughEip1271OnTheChainInItsMessage() throws Exception {
    TestWallets.Evm owner = TestWallets.Evm.random();
    TestWallets.Evm stranger = TestWallets.Evm.random();
    var node = markets().node;
    String wallet =
        DemoContractWallet.deploy(
                node.web3j(),
                DemoMarketsOnAnvil.sender(node, node.account(0)),
                DemoMarketsOnAnvil.GAS,
                owner.address())
            .send()
            .getContractAddress();
    wallet = org.web3j.crypto.Keys.toChecksumAddress(wallet);

    ApiClient client = new ApiClient(port);
    String byStranger =
        SiweText.evm(client.origin(), wallet, Long.toString(LIVE), client.nonce()).text();
    ApiClient.Response refused =
        client.post(
            "/api/v1/auth/siwe",
            Map.of("message", byStranger, "signature", stranger.personalSign(byStranger)));
    assertThat(refused.status()).as(refused.raw()).isEqualTo(401);

    String onUnknownChain = SiweText.evm(client.origin(), wallet, "137", client.nonce()).text();
    assertThat(
            client
                .post(
                    "/api/v1/auth/siwe",
                    Map.of(
                        "message", onUnknownChain, "signature", owner.personalSign(onUnknownChain)))
                .status())
        .as("the wallet exists only on the chain it was deployed to")
        .isEqualTo(401);

    String byOwner =
        SiweText.evm(client.origin(), wallet, Long.toString(LIVE), client.nonce()).text();
    ApiClient.Response signedIn =
        client.post(
            "/api/v1/auth/siwe",
            Map.of("message", byOwner, "signature", owner.personalSign(byOwner)));
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.body().get("address").asString()).isEqualToIgnoringCase(wallet);
  }

  private static JsonNode awaitState(ApiClient client, long chainId, String state)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode chain : client.get("/api/v1/sync").body().get("chains")) {
        if (chain.get("chainId").asLong() == chainId) {
          last = chain;
          if (chain.get("state").asString().equals(state)) {
            return chain;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("chain " + chainId + " never reached " + state + "; last: " + last);
  }
}
