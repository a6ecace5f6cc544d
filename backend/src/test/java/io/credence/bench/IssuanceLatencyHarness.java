package io.credence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.IssuanceFixtures;
import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.Bytes32;
import io.credence.attestations.RegistryClient;
import io.credence.borrower.ProfileId;
import io.credence.proof.ScoreProofs;
import io.credence.scoring.ScoreRun;
import io.credence.scoring.Scores;
import io.credence.support.AnvilNode;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import io.credence.zk.Statement;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;

/**
 * Issuance latency and throughput harness (not part of the default suite: its name does not end in
 * IT). The server runs in-process with embedded PostgreSQL, one Anvil chain and its outbox.
 *
 * <pre>
 * ./mvnw -B -pl backend -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=IssuanceLatencyHarness -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <ol>
 *   <li>100 sequential band attestations over HTTP, each to a fresh presentation address: the time
 *       from sending {@code POST /api/v1/attestations} to its {@code 202} ("proof ready": the
 *       server has scored, committed, proven, signed and stored), then the client signs the
 *       consent, posts it and polls {@code GET /api/v1/attestations/{uid}} every 10 ms until the
 *       chain shows {@code minted} ("mint receipt": wall time from the request).
 *   <li>Issuing in-process on one thread: score (history read from PostgreSQL, features, model) +
 *       commit + prove + sign, 200 times after 20 warm-up rounds, measured in that thread's CPU
 *       time (which holds up on a shared machine) and in wall time.
 * </ol>
 *
 * Results are printed and written to {@code target/issuance-bench.txt}.
 */
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"logging.level.root=warn", "logging.level.io.credence.attestation=info"})
class IssuanceLatencyHarness {

  static final long CHAIN = 31_471;
  static final int REQUESTS = 100;
  static final int ROUNDS = 200;
  static RegistryClient registry;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Scores scores;
  @Autowired ScoreProofs proofs;
  @Autowired Clock clock;

  static synchronized RegistryClient registry() {
    if (registry == null) {
      registry = IssuanceFixtures.registry(AnvilNode.chain(CHAIN));
    }
    return registry;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("credence.chains[0].id", () -> CHAIN);
    r.add("credence.chains[0].name", () -> "bench");
    r.add("credence.chains[0].rpc-url", () -> AnvilNode.chain(CHAIN).rpcUrl());
    r.add("credence.chains[0].confirmations", () -> 0);
    r.add("credence.chains[0].max-block-range", () -> 1000);
    r.add("credence.chains[0].registry-address", () -> registry().address().toString());
    r.add("credence.issuer.key", () -> IssuanceFixtures.ISSUER_KEY);
    r.add("credence.relayer.key", () -> IssuanceFixtures.RELAYER_KEY);
    r.add("credence.attestation.opening-key", () -> IssuanceFixtures.OPENING_KEY);
    r.add("credence.attestation.outbox.run-jobs", () -> true);
    r.add("credence.attestation.outbox.every", () -> "50ms");
    r.add("credence.attestation.outbox.polling-interval", () -> "50ms");
    r.add("credence.attestation.outbox.revalidate-every", () -> "1h");
  }

  @Test
  void measure() throws Exception {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    ApiClient client = new ApiClient(port);
    String profile = client.signIn(wallet).body().get("profileId").asString();
    IssuanceFixtures.seedGoodHistory(jdbc, profile, wallet.address(), CHAIN, Instant.now());
    String registryAddress = registry().address().toString();

    List<Double> proofReady = new ArrayList<>();
    List<Double> minted = new ArrayList<>();
    for (int i = 0; i < REQUESTS + 5; i++) {
      TestWallets.Evm presentation = TestWallets.Evm.random();
      long t0 = System.nanoTime();
      ApiClient.Response issued =
          client.post(
              "/api/v1/attestations",
              Map.of(
                  "statement", Map.of("type", "band"),
                  "recipient", presentation.address(),
                  "chainIds", List.of(CHAIN),
                  "validForDays", 7));
      long t1 = System.nanoTime();
      assertThat(issued.status()).isEqualTo(202);
      String uid = issued.body().get("uid").asString();
      assertThat(
              client
                  .post(
                      "/api/v1/attestations/" + uid + "/consents",
                      Map.of(
                          "chainId",
                          CHAIN,
                          "signature",
                          IssuanceFixtures.consent(presentation, uid, CHAIN, registryAddress)))
                  .status())
          .isEqualTo(202);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (true) {
        JsonNode a = client.get("/api/v1/attestations/" + uid).body();
        if ("minted".equals(a.get("chains").get(0).get("status").asString())) {
          break;
        }
        assertThat(Instant.now()).as("request %d minted in time: %s", i, a).isBefore(deadline);
        Thread.sleep(10);
      }
      long t2 = System.nanoTime();
      if (i >= 5) { // the first five warm the JIT and the connection pools
        proofReady.add((t1 - t0) / 1e6);
        minted.add((t2 - t0) / 1e6);
      }
    }

    var threads = ManagementFactory.getThreadMXBean();
    ProfileId id = new ProfileId(UUID.fromString(profile));
    AttestationIssuer issuer =
        new AttestationIssuer(
            Credentials.create(IssuanceFixtures.ISSUER_KEY), new SecureRandom(), clock);
    Address recipient = new Address(TestWallets.Evm.random().address());
    for (int i = 0; i < 20; i++) {
      issueOnce(id, issuer, recipient);
    }
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      issueOnce(id, issuer, recipient);
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wallSeconds = (System.nanoTime() - wall0) / 1e9;

    String report =
        String.format(
            Locale.ROOT,
            """
            issuance benchmark (%s, %d cores available)
            request -> proof ready (202), %d requests: p50 %.1f ms, p95 %.1f ms
            request -> minted on Anvil (receipt, status polled every 10 ms), %d requests: p50 %.1f ms, p95 %.1f ms
            score + commit + prove + sign, one thread, %d rounds: %.2f ms CPU each (%.1f per CPU-second), %.2f ms wall each
            """,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            proofReady.size(),
            percentile(proofReady, 50),
            percentile(proofReady, 95),
            minted.size(),
            percentile(minted, 50),
            percentile(minted, 95),
            ROUNDS,
            cpuSeconds * 1000 / ROUNDS,
            ROUNDS / cpuSeconds,
            wallSeconds * 1000 / ROUNDS);
    System.out.println(report);
    Files.writeString(Path.of("target", "issuance-bench.txt"), report);
  }

  private void issueOnce(ProfileId id, AttestationIssuer issuer, Address recipient) {
    ScoreRun.Scored run = (ScoreRun.Scored) scores.score(id);
    var opening = proofs.commit(run.score());
    proofs.prove(
        issuer,
        recipient,
        opening,
        new Statement.Threshold(run.score()),
        Bytes32.parse("0x" + run.modelId()),
        Duration.ofDays(7));
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
