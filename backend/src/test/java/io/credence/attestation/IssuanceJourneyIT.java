package io.credence.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestations.Bytes32;
import io.credence.attestations.RegistryClient;
import io.credence.attestations.contracts.ExampleLendingPool;
import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.lender.VerifyCommand;
import io.credence.demo.DemoAccounts;
import io.credence.demo.DemoChain;
import io.credence.demo.LocalDemoNetwork;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The borrower's journey of issue 11 on the two demo chains (the default run's network, deployed
 * and seeded as {@code java -jar} does): the two-chain demo borrower signs in with one wallet,
 * links the other on the other chain, syncs, gets a score, asks for an attestation that the score
 * is at least what it is now (the tightest true threshold) to a fresh presentation address, signs
 * the consent for both chains and sees it minted on both; the example lending pool then lends to
 * the presentation address on both chains. A liquidation of the borrower, synced afterwards,
 * revokes the attestation on both chains and the pools refuse.
 *
 * <p>It starts its own instance of the demo network rather than the JVM's shared one: it liquidates
 * a seeded borrower, which other test classes must not see.
 */
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "credence.history.run-jobs=true",
      "credence.history.polling-interval=200ms",
      "credence.attestation.outbox.run-jobs=true",
      "credence.attestation.outbox.every=200ms",
      "credence.attestation.outbox.polling-interval=100ms",
      "credence.attestation.outbox.revalidate-every=300ms"
    })
class IssuanceJourneyIT {

  static final StaticGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(3_000_000));
  static LocalDemoNetwork network;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static synchronized LocalDemoNetwork network() {
    if (network == null) {
      network =
          LocalDemoNetwork.start(
              io.credence.support.DemoNetwork.anvilBinary(),
              null,
              0,
              Path.of("target", "journey-chains"));
    }
    return network;
  }

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry registry) {
    network().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    registry.add("credence.attestation.opening-key", () -> IssuanceFixtures.OPENING_KEY);
  }

  @AfterAll
  static void stop(@Autowired JdbcClient jdbc) {
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance LIKE ? OR task_instance LIKE ?")
        .params("%:" + LocalDemoNetwork.CHAIN_A, "%:" + LocalDemoNetwork.CHAIN_B)
        .update();
    if (network != null) {
      network.close();
      network = null;
    }
  }

  static Web3j web3j(DemoChain chain) {
    return Web3j.build(new HttpService(chain.rpcUrl()));
  }

  static RawTransactionManager as(DemoChain chain, Credentials who) {
    Web3j web3j = web3j(chain);
    return new RawTransactionManager(
        web3j, who, chain.chainId(), new PollingTransactionReceiptProcessor(web3j, 50, 400));
  }

  static void fund(DemoChain chain, String address) throws Exception {
    new org.web3j.protocol.core.Request<>(
            "anvil_setBalance",
            List.of(address, "0x56bc75e2d63100000"),
            new HttpService(chain.rpcUrl()),
            org.web3j.protocol.core.methods.response.VoidResponse.class)
        .send();
  }

  JsonNode await(ApiClient client, String path, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = client.get(path).body();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not reached in time: " + last);
  }

  static boolean syncsDone(JsonNode sync) {
    JsonNode chains = sync.get("chains");
    if (chains == null || chains.size() < 2) {
      return false;
    }
    for (JsonNode c : chains) {
      if (!"done".equals(c.get("state").asString())) {
        return false;
      }
    }
    return true;
  }

  static String status(JsonNode attestation, long chain) {
    for (JsonNode c : attestation.get("chains")) {
      if (c.get("chainId").asLong() == chain) {
        return c.get("status").asString();
      }
    }
    return null;
  }

  record Cli(int exit, String out) {}

  /** The lender's offline CLI against chain {@code chain}'s registry, trusting the demo issuer. */
  static Cli verifyOffline(Path packageFile, DemoChain chain) {
    var out = new java.io.ByteArrayOutputStream();
    var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    int exit =
        VerifyCommand.run(
            new String[] {
              "verify",
              packageFile.toString(),
              "--issuer",
              DemoAccounts.address(DemoAccounts.ISSUER),
              "--rpc",
              chain.rpcUrl(),
              "--registry",
              chain.registry()
            },
            print,
            print,
            java.time.Clock.systemUTC());
    return new Cli(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aDemoBorrowerGetsAThresholdAttestationMintedOnBothChainsAndALiquidationRevokesItEverywhere()
      throws Exception {
    DemoChain a = network().chain(LocalDemoNetwork.CHAIN_A);
    DemoChain b = network().chain(LocalDemoNetwork.CHAIN_B);
    TestWallets.Evm first = new TestWallets.Evm(DemoAccounts.credentials(6).getEcKeyPair());
    TestWallets.Evm second = new TestWallets.Evm(DemoAccounts.credentials(5).getEcKeyPair());

    ApiClient client = new ApiClient(port);
    assertThat(client.signIn(first).status()).isEqualTo(200);
    assertThat(client.linkEvm(second, Long.toString(b.chainId())).status()).isEqualTo(201);
    assertThat(client.post("/api/v1/sync", Map.of()).status()).isEqualTo(202);
    await(client, "/api/v1/sync", IssuanceJourneyIT::syncsDone);

    ApiClient.Response scored = client.get("/api/v1/score");
    assertThat(scored.status()).as(scored.raw()).isEqualTo(200);
    int score = scored.body().get("score").asInt();
    assertThat(scored.body().get("wallets").toString())
        .contains(first.address().toLowerCase(), second.address().toLowerCase());
    for (JsonNode c : scored.body().get("chains")) {
      assertThat(c.hasNonNull("syncedAt")).as(c.toString()).isTrue();
    }

    TestWallets.Evm presentation = TestWallets.Evm.random();
    ApiClient.Response issued =
        client.post(
            "/api/v1/attestations",
            Map.of(
                // The tightest true threshold, so that the liquidation below, which lowers the
                // score by some 50 points, makes it false whatever the score is (a band of 80
                // points may still hold the lower score).
                "statement", Map.of("type", "threshold", "min", score),
                "recipient", presentation.address(),
                "chainIds", List.of(a.chainId(), b.chainId()),
                "validForDays", 30));
    assertThat(issued.status()).as(issued.raw()).isEqualTo(202);
    String uid = issued.body().get("uid").asString();
    for (JsonNode c : issued.body().get("consents")) {
      long chainId = c.get("chainId").asLong();
      assertThat(
              client
                  .post(
                      "/api/v1/attestations/" + uid + "/consents",
                      Map.of(
                          "chainId",
                          chainId,
                          "signature",
                          IssuanceFixtures.consent(
                              presentation, uid, chainId, c.get("registry").asString())))
                  .status())
          .isEqualTo(202);
    }
    JsonNode minted =
        await(
            client,
            "/api/v1/attestations/" + uid,
            x ->
                "minted".equals(status(x, a.chainId())) && "minted".equals(status(x, b.chainId())));
    int lo = minted.get("statement").get("min").asInt();
    assertThat(lo).isEqualTo(score);

    Credentials holder = Credentials.create(presentation.keys());
    BigInteger loan = BigInteger.TEN.pow(15);
    for (DemoChain chain : List.of(a, b)) {
      fund(chain, holder.getAddress());
      ExampleLendingPool pool =
          ExampleLendingPool.load(chain.lendingPool(), web3j(chain), as(chain, holder), GAS);
      int minScore = pool.minScore().send().intValueExact();
      assertThat(lo).as("the threshold clears the pool's minimum").isGreaterThanOrEqualTo(minScore);
      assertThat(pool.borrow(loan).send().isStatusOK()).isTrue();
    }

    // A lender checks the package it was given: through the API and offline with the CLI.
    String credential = client.get("/api/v1/attestations/" + uid + "/package").raw();
    ApiClient lender = new ApiClient(port);
    String verifyBody =
        "{\"package\":" + credential + ",\"policy\":{\"chainId\":" + a.chainId() + "}}";
    ApiClient.Response verdict = lender.post("/api/v1/verify", verifyBody);
    assertThat(verdict.status()).as(verdict.raw()).isEqualTo(200);
    assertThat(verdict.body().get("valid").asBoolean()).as(verdict.raw()).isTrue();
    Path packageFile = Files.createTempFile("credence-journey-", ".json");
    Files.writeString(packageFile, credential);
    Cli valid = verifyOffline(packageFile, a);
    assertThat(valid.exit()).as(valid.out()).isEqualTo(VerifyCommand.VALID);

    // A liquidation of the borrower on chain A, synced afterwards.
    Credentials liquidator = Credentials.create(Keys.createEcKeyPair());
    fund(a, liquidator.getAddress());
    DemoAavePool.load(a.aavePool(), web3j(a), as(a, liquidator), GAS)
        .liquidationCall(
            a.weth(), a.usdc(), first.address(), BigInteger.valueOf(2_000_000_000L), false)
        .send();
    assertThat(client.post("/api/v1/sync", Map.of()).status()).isEqualTo(202);
    JsonNode revoked =
        await(
            client,
            "/api/v1/attestations/" + uid,
            x -> {
              for (JsonNode c : x.get("chains")) {
                if (!c.hasNonNull("revocationTxHash")) {
                  return false;
                }
              }
              return x.hasNonNull("revokedAt");
            });
    assertThat(revoked.get("revocationReason").asString()).isEqualTo("score_changed");
    assertThat(client.get("/api/v1/score").body().get("score").asInt())
        .as("the re-score after the liquidation")
        .isLessThan(score);

    Address issuer = new Address(DemoAccounts.address(DemoAccounts.ISSUER));
    for (DemoChain chain : List.of(a, b)) {
      RegistryClient registry =
          RegistryClient.at(web3j(chain), as(chain, holder), GAS, chain.registry());
      assertThat(registry.isRevokedBy(Bytes32.parse(uid), issuer)).isTrue();
      ExampleLendingPool pool =
          ExampleLendingPool.load(chain.lendingPool(), web3j(chain), as(chain, holder), GAS);
      assertThatThrownBy(() -> pool.borrow(loan).send()).hasMessageContaining("revert");
    }

    // The lender's checks now fail on the revocation, online and offline.
    ApiClient.Response afterRevocation = lender.post("/api/v1/verify", verifyBody);
    assertThat(afterRevocation.body().get("valid").asBoolean()).as(afterRevocation.raw()).isFalse();
    Cli revokedOffline = verifyOffline(packageFile, a);
    assertThat(revokedOffline.exit()).as(revokedOffline.out()).isEqualTo(VerifyCommand.INVALID);

    // The compliance officer follows the credential from score to revocation in the export, and
    // the audit chain is intact.
    ApiClient officer = new ApiClient(port);
    assertThat(
            officer
                .signIn(
                    new TestWallets.Evm(
                        DemoAccounts.credentials(DemoAccounts.COMPLIANCE).getEcKeyPair()))
                .status())
        .isEqualTo(200);
    ApiClient.Response trail = officer.get("/api/v1/compliance/audit/export?format=csv&uid=" + uid);
    assertThat(trail.status()).as(trail.raw()).isEqualTo(200);
    assertThat(trail.raw())
        .contains(
            "SCORE_COMPUTED",
            "ATTESTATION_ISSUED",
            "ATTESTATION_CONSENTED",
            "ATTESTATION_MINTED",
            "CREDENTIAL_VERIFIED",
            "ATTESTATION_REVOKED",
            "REVOCATION_RELAYED");
    ApiClient.Response integrity = officer.get("/api/v1/compliance/audit/integrity");
    assertThat(integrity.body().get("chain").get("intact").asBoolean())
        .as(integrity.raw())
        .isTrue();
  }
}
