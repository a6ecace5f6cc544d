package io.credence.attestation;

import static io.credence.attestation.IssuanceFixtures.consent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestations.Bytes32;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.RegistryClient;
import io.credence.scoring.ScoringModels;
import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.support.AnvilNode;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import io.credence.zk.Blinding;
import io.credence.zk.Opening;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;

/**
 * The issuance pipeline over HTTP on embedded PostgreSQL and two real Anvil chains, with the outbox
 * running on the job engine: score, attest, consent, mint on both chains, revoke (by the borrower,
 * by a re-score after a liquidation, by supersession) relayed to every chain, and every bad input
 * the issue names refused with nothing changed.
 */
// Closed after the class, so its outbox stops once its tests are done.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuanceIT {

  static final long A = 31_441;
  static final long B = 31_442;
  static RegistryClient registryA;
  static RegistryClient registryB;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ScoringModels models;

  static synchronized RegistryClient registry(long chain) {
    if (registryA == null) {
      registryA = IssuanceFixtures.registry(AnvilNode.chain(A));
      registryB = IssuanceFixtures.registry(AnvilNode.chain(B));
    }
    return chain == A ? registryA : registryB;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    int i = 0;
    for (long chain : new long[] {A, B}) {
      String p = "credence.chains[" + i++ + "].";
      registry.add(p + "id", () -> chain);
      registry.add(p + "name", () -> "issue-" + chain);
      registry.add(p + "rpc-url", () -> AnvilNode.chain(chain).rpcUrl());
      registry.add(p + "confirmations", () -> 0);
      registry.add(p + "max-block-range", () -> 1000);
      registry.add(p + "registry-address", () -> registry(chain).address().toString());
    }
    registry.add("credence.issuer.key", () -> IssuanceFixtures.ISSUER_KEY);
    registry.add("credence.relayer.key", () -> IssuanceFixtures.RELAYER_KEY);
    registry.add("credence.attestation.opening-key", () -> IssuanceFixtures.OPENING_KEY);
    registry.add("credence.attestation.outbox.run-jobs", () -> true);
    registry.add("credence.attestation.outbox.every", () -> "200ms");
    registry.add("credence.attestation.outbox.polling-interval", () -> "100ms");
    registry.add("credence.attestation.outbox.retry-backoff", () -> "200ms");
    registry.add("credence.attestation.outbox.revalidate-every", () -> "300ms");
  }

  @AfterAll
  static void dropQueuedSyncs(@Autowired JdbcClient jdbc) {
    // Signing in queued history syncs of these chains; no other test class configures them.
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance LIKE ? OR task_instance LIKE ?")
        .params("%:" + A, "%:" + B)
        .update();
  }

  /** A signed-in borrower with a seeded, scorable history on chain A. */
  record Borrower(ApiClient client, TestWallets.Evm wallet, String profileId) {}

  Borrower borrower(boolean history) {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    ApiClient client = new ApiClient(port);
    ApiClient.Response signedIn = client.signIn(wallet);
    assertThat(signedIn.status()).isEqualTo(200);
    String profile = signedIn.body().get("profileId").asString();
    if (history) {
      IssuanceFixtures.seedGoodHistory(jdbc, profile, wallet.address(), A, Instant.now());
    }
    return new Borrower(client, wallet, profile);
  }

  int score(Borrower b) {
    ApiClient.Response score = b.client().get("/api/v1/score");
    assertThat(score.status()).isEqualTo(200);
    return score.body().get("score").asInt();
  }

  long attestationRows() {
    return jdbc.sql("SELECT count(*) FROM attestation").query(Long.class).single();
  }

  JsonNode awaitAttestation(Borrower b, String uid, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = b.client().get("/api/v1/attestations/" + uid).body();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached in time: " + last);
  }

  static String status(JsonNode attestation, long chain) {
    for (JsonNode c : attestation.get("chains")) {
      if (c.get("chainId").asLong() == chain) {
        return c.get("status").asString();
      }
    }
    return null;
  }

  static boolean relayedEverywhere(JsonNode a) {
    for (JsonNode c : a.get("chains")) {
      if (!c.hasNonNull("revocationTxHash") || !"revoked".equals(c.get("status").asString())) {
        return false;
      }
    }
    return a.get("chains").size() == 2;
  }

  /** Posts the presentation address's mint consent for one chain. */
  ApiClient.Response postConsent(Borrower b, String uid, long chainId, String signature) {
    return b.client()
        .post(
            "/api/v1/attestations/" + uid + "/consents",
            Map.of("chainId", chainId, "signature", signature));
  }

  ApiClient.Response request(
      Borrower b, Map<String, Object> statement, String recipient, List<Long> chains) {
    return b.client()
        .post(
            "/api/v1/attestations",
            Map.of(
                "statement",
                statement,
                "recipient",
                recipient,
                "chainIds",
                chains,
                "validForDays",
                7));
  }

  @Test
  void aThinFileGetsAnInsufficientHistoryProblemThatSaysWhatIsMissingAndTheRunIsStored() {
    Borrower b = borrower(false);
    ApiClient.Response score = b.client().get("/api/v1/score");
    assertThat(score.status()).isEqualTo(422);
    assertThat(score.problemType()).isEqualTo("urn:credence:problem:insufficient-history");
    assertThat(score.body().get("missing").toString()).contains("sync your history");
    assertThat(score.body().get("detail").asString()).contains("180 days");
    assertThat(
            jdbc.sql("SELECT outcome FROM score_run WHERE profile_id = ?")
                .param(UUID.fromString(b.profileId()))
                .query(String.class)
                .list())
        .containsExactly("INSUFFICIENT");
    // Nor can it be attested.
    ApiClient.Response refused =
        request(b, Map.of("type", "band"), TestWallets.Evm.random().address(), List.of(A));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemType()).isEqualTo("urn:credence:problem:insufficient-history");
  }

  @Test
  void aScoreShowsBandProbabilityReasonsModelAndTheDataItUsedAndRunsAreImmutable() {
    Borrower b = borrower(true);
    ApiClient.Response response = b.client().get("/api/v1/score");
    assertThat(response.status()).isEqualTo(200);
    JsonNode score = response.body();
    assertThat(score.get("score").asInt()).isBetween(300, 850);
    assertThat(score.get("band").asString()).isNotBlank();
    assertThat(score.get("probabilityOfDefault").asDouble()).isBetween(0.0, 1.0);
    assertThat(score.get("reasons").size()).isLessThanOrEqualTo(4);
    score.get("reasons").forEach(r -> assertThat(r.get("text").asString()).isNotBlank());
    String bundled = ModelArtifacts.loadBundled().scorecard().modelId();
    assertThat(score.get("modelId").asString()).isEqualTo(bundled);
    assertThat(score.get("wallets").toString()).contains(b.wallet().address().toLowerCase());
    assertThat(score.get("chains").findValuesAsString("chain"))
        .contains("issue-" + A, "issue-" + B);
    JsonNode chainA = score.get("chains").get(0);
    assertThat(chainA.hasNonNull("syncedAt")).isTrue();

    UUID run = UUID.fromString(score.get("scoreId").asString());
    assertThatThrownBy(
            () -> jdbc.sql("UPDATE score_run SET score = 850 WHERE id = ?").param(run).update())
        .hasMessageContaining("immutable");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM score_run WHERE id = ?").param(run).update())
        .hasMessageContaining("immutable");

    var model = models.active();
    assertThat(model.modelId()).isEqualTo(bundled);
    assertThat(model.evaluation().auc()).isGreaterThan(0.5);
    assertThat(model.usageCount()).isPositive();
    assertThat(models.models()).extracting(m -> m.modelId()).containsOnlyOnce(bundled);
  }

  @Test
  void aBandAttestationIsMintedOnBothChainsWithConsentAndTheBorrowerAloneSeesTheOpening()
      throws Exception {
    Borrower b = borrower(true);
    int myScore = score(b);
    TestWallets.Evm presentation = TestWallets.Evm.random();
    ApiClient.Response issued =
        request(b, Map.of("type", "band"), presentation.address(), List.of(A, B));
    assertThat(issued.status()).isEqualTo(202);
    String uid = issued.body().get("uid").asString();
    JsonNode consents = issued.body().get("consents");
    assertThat(consents).hasSize(2);
    JsonNode typed = consents.get(0).get("typedData");
    assertThat(typed.get("primaryType").asString()).isEqualTo("MintConsent");
    assertThat(typed.get("domain").get("name").asString()).isEqualTo("Credence");
    assertThat(typed.get("message").get("uid").asString()).isEqualTo(uid);
    assertThat(typed.get("types").has("MintConsent")).isTrue();

    for (JsonNode c : consents) {
      long chain = c.get("chainId").asLong();
      ApiClient.Response accepted =
          postConsent(
              b, uid, chain, consent(presentation, uid, chain, c.get("registry").asString()));
      assertThat(accepted.status()).isEqualTo(202);
    }
    JsonNode minted =
        awaitAttestation(
            b, uid, a -> "minted".equals(status(a, A)) && "minted".equals(status(a, B)));
    for (JsonNode c : minted.get("chains")) {
      assertThat(c.get("txHash").asString()).startsWith("0x");
      assertThat(c.get("block").asLong()).isPositive();
    }
    for (RegistryClient registry : List.of(registry(A), registry(B))) {
      var band = registry.bandOf(new Address(presentation.address()));
      assertThat(band.valid()).isTrue();
      assertThat(myScore).isBetween(band.lo(), band.hi());
    }

    ApiClient.Response pkg = b.client().get("/api/v1/attestations/" + uid + "/package");
    assertThat(pkg.status()).isEqualTo(200);
    assertThat(pkg.raw()).doesNotContain("opening").doesNotContain("blinding");
    CredentialPackage credential = CredentialPackage.fromJson(pkg.raw());
    assertThat(credential.opening()).isEmpty();

    ApiClient.Response opening = b.client().get("/api/v1/attestations/" + uid + "/opening");
    assertThat(opening.status()).isEqualTo(200);
    assertThat(opening.body().get("score").asInt()).isEqualTo(myScore);
    Opening opened =
        Opening.of(
            BigInteger.valueOf(opening.body().get("score").asLong()),
            Blinding.fromBytes(
                HexFormat.of().parseHex(opening.body().get("blinding").asString().substring(2))));
    assertThat(opened.commit()).isEqualTo(credential.attestation().commitment());
    // At rest the opening is sealed: the stored bytes hold neither the blinding nor the package.
    byte[] sealed =
        jdbc.sql("SELECT opening_sealed FROM attestation WHERE uid = ?")
            .param(Bytes32.parse(uid).bytes())
            .query(byte[].class)
            .single();
    assertThat(HexFormat.of().formatHex(sealed))
        .doesNotContain(opening.body().get("blinding").asString().substring(2));

    // The audit trail follows the credential from score to mint without the score.
    List<String> trail =
        jdbc.sql("SELECT event_type FROM audit_entry WHERE subject = ? ORDER BY seq")
            .param("attestation:" + uid)
            .query(String.class)
            .list();
    assertThat(trail).contains("ATTESTATION_ISSUED", "ATTESTATION_CONSENTED", "ATTESTATION_MINTED");
    String details =
        String.join(
            "\n",
            jdbc.sql("SELECT details FROM audit_entry WHERE subject = ? OR actor = ?")
                .params("attestation:" + uid, b.profileId())
                .query(String.class)
                .list());
    assertThat(details).contains("scoreId").doesNotContain("\"score\"");

    List<String> listed = b.client().get("/api/v1/attestations").body().findValuesAsString("uid");
    assertThat(listed).contains(uid);
  }

  @Test
  void aStatementAboveTheScoreIs422WithoutTheScoreAndNothingIsIssued() {
    Borrower b = borrower(true);
    int myScore = score(b);
    long before = attestationRows();
    ApiClient.Response refused =
        request(
            b,
            Map.of("type", "threshold", "min", myScore + 1),
            TestWallets.Evm.random().address(),
            List.of(A));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemType()).isEqualTo("urn:credence:problem:statement-not-satisfied");
    assertThat(refused.raw()).doesNotContain(Integer.toString(myScore));
    assertThat(attestationRows()).isEqualTo(before);
  }

  @Test
  void badRequestsAreRefusedWithNothingIssued() {
    Borrower b = borrower(true);
    long before = attestationRows();
    String to = TestWallets.Evm.random().address();
    assertThat(request(b, Map.of("type", "band"), to, List.of(999L)).problemType())
        .isEqualTo("urn:credence:problem:unsupported-chain");
    assertThat(request(b, Map.of("type", "band"), "0x1234", List.of(A)).problemType())
        .isEqualTo("urn:credence:problem:invalid-request");
    assertThat(request(b, Map.of("type", "maybe"), to, List.of(A)).problemType())
        .isEqualTo("urn:credence:problem:invalid-request");
    assertThat(request(b, Map.of("type", "threshold", "min", 9000), to, List.of(A)).status())
        .isEqualTo(400);
    assertThat(new ApiClient(port).get("/api/v1/score").status()).isEqualTo(401);
    assertThat(attestationRows()).isEqualTo(before);
  }

  @Test
  void aConsentSignedBySomeoneElseOrForAnotherChainIsRefusedAndNothingIsQueued() {
    Borrower b = borrower(true);
    TestWallets.Evm presentation = TestWallets.Evm.random();
    ApiClient.Response issued =
        request(b, Map.of("type", "band"), presentation.address(), List.of(A, B));
    String uid = issued.body().get("uid").asString();
    String registryA = registry(A).address().toString();
    String registryB = registry(B).address().toString();

    ApiClient.Response someoneElse =
        postConsent(b, uid, A, consent(TestWallets.Evm.random(), uid, A, registryA));
    assertThat(someoneElse.status()).isEqualTo(400);
    assertThat(someoneElse.problemType()).isEqualTo("urn:credence:problem:invalid-consent");

    ApiClient.Response otherChain =
        postConsent(b, uid, A, consent(presentation, uid, B, registryB));
    assertThat(otherChain.status()).isEqualTo(400);
    assertThat(otherChain.problemType()).isEqualTo("urn:credence:problem:invalid-consent");

    ApiClient.Response malformed = postConsent(b, uid, A, "0x12");
    assertThat(malformed.status()).isEqualTo(400);

    JsonNode after = b.client().get("/api/v1/attestations/" + uid).body();
    assertThat(status(after, A)).isEqualTo("awaiting-consent");
    assertThat(status(after, B)).isEqualTo("awaiting-consent");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM attestation_chain WHERE uid = ? AND consent_signature IS NOT NULL")
                .param(Bytes32.parse(uid).bytes())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anUnknownUidOrAnotherBorrowersUidIsNotFoundForEveryEndpointAndNothingChanges() {
    Borrower owner = borrower(true);
    TestWallets.Evm presentation = TestWallets.Evm.random();
    String uid =
        request(owner, Map.of("type", "band"), presentation.address(), List.of(A))
            .body()
            .get("uid")
            .asString();
    Borrower other = borrower(false);
    String unknown = "0x" + "ab".repeat(32);
    for (String id : List.of(uid, unknown, "not-a-uid")) {
      for (String path : List.of("", "/package", "/opening")) {
        ApiClient.Response r = other.client().get("/api/v1/attestations/" + id + path);
        assertThat(r.status()).as(id + path).isEqualTo(404);
        assertThat(r.problemType()).isEqualTo("urn:credence:problem:attestation-not-found");
      }
      assertThat(other.client().delete("/api/v1/attestations/" + id).status()).isEqualTo(404);
      assertThat(
              other
                  .client()
                  .post(
                      "/api/v1/attestations/" + id + "/consents",
                      Map.of("chainId", A, "signature", "0x" + "11".repeat(65)))
                  .status())
          .isEqualTo(404);
    }
    JsonNode still = owner.client().get("/api/v1/attestations/" + uid).body();
    assertThat(still.hasNonNull("revokedAt")).isFalse();
    assertThat(status(still, A)).isEqualTo("awaiting-consent");
  }

  @Test
  void aBorrowersRevocationIsRelayedToEveryChainAlsoWhereItWasNeverMinted() throws Exception {
    Borrower b = borrower(true);
    TestWallets.Evm presentation = TestWallets.Evm.random();
    String uid =
        request(b, Map.of("type", "band"), presentation.address(), List.of(A))
            .body()
            .get("uid")
            .asString();
    postConsent(b, uid, A, consent(presentation, uid, A, registry(A).address().toString()));
    awaitAttestation(b, uid, a -> "minted".equals(status(a, A)));

    ApiClient.Response revoked = b.client().delete("/api/v1/attestations/" + uid);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().get("revocationReason").asString()).isEqualTo("borrower");
    awaitAttestation(b, uid, IssuanceIT::relayedEverywhere);
    Address issuer = new Address(Credentials.create(IssuanceFixtures.ISSUER_KEY).getAddress());
    assertThat(registry(A).isRevokedBy(Bytes32.parse(uid), issuer)).isTrue();
    assertThat(registry(B).isRevokedBy(Bytes32.parse(uid), issuer)).isTrue();
    assertThat(registry(A).bandOf(new Address(presentation.address())).valid()).isFalse();
    // Revoking again changes nothing.
    assertThat(b.client().delete("/api/v1/attestations/" + uid).status()).isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE event_type = 'ATTESTATION_REVOKED' AND subject = ?")
                .param("attestation:" + uid)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aSyncedLiquidationRevokesAnAttestationItMakesFalseOnEveryChain() throws Exception {
    Borrower b = borrower(true);
    int myScore = score(b);
    TestWallets.Evm presentation = TestWallets.Evm.random();
    String uid =
        request(b, Map.of("type", "threshold", "min", myScore), presentation.address(), List.of(A))
            .body()
            .get("uid")
            .asString();
    postConsent(b, uid, A, consent(presentation, uid, A, registry(A).address().toString()));
    awaitAttestation(b, uid, a -> "minted".equals(status(a, A)));
    assertThat(registry(A).meetsThreshold(new Address(presentation.address()), myScore)).isTrue();

    IssuanceFixtures.seedLiquidation(jdbc, b.profileId(), b.wallet().address(), A, Instant.now());
    JsonNode revoked = awaitAttestation(b, uid, IssuanceIT::relayedEverywhere);
    assertThat(revoked.get("revocationReason").asString()).isEqualTo("score_changed");
    assertThat(registry(A).meetsThreshold(new Address(presentation.address()), myScore)).isFalse();
    assertThat(score(b)).isLessThan(myScore);
  }

  @Test
  void aNewerAttestationThatClaimsLessSupersedesAnOlderStrongerOne() throws Exception {
    Borrower b = borrower(true);
    int myScore = score(b);
    String older =
        request(
                b,
                Map.of("type", "threshold", "min", myScore),
                TestWallets.Evm.random().address(),
                List.of(A))
            .body()
            .get("uid")
            .asString();
    // Issued within the same second the older one could not be told apart; the contract compares
    // issue times in seconds.
    Thread.sleep(1100);
    String newer =
        request(
                b,
                Map.of("type", "threshold", "min", myScore - 20),
                TestWallets.Evm.random().address(),
                List.of(A))
            .body()
            .get("uid")
            .asString();
    JsonNode superseded = awaitAttestation(b, older, IssuanceIT::relayedEverywhere);
    assertThat(superseded.get("revocationReason").asString()).isEqualTo("superseded");
    assertThat(superseded.get("supersededBy").asString()).isEqualTo(newer);
    assertThat(b.client().get("/api/v1/attestations/" + newer).body().hasNonNull("revokedAt"))
        .isFalse();
  }
}
