package io.credence.lender;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.IssuanceFixtures;
import io.credence.attestations.CredentialPackage;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The views of attestations this server issued, on a real one (history → score → attestation → mint
 * by its recipient): the public view with live on-chain status, the compliance officer's
 * re-verification and model registry, and the audit trail of one credential from score to
 * verification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuedAttestationViewsIT extends RegistriesOnAnvil {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  record Issued(ApiClient borrower, String uid, CredentialPackage pkg) {}

  Issued issued() throws Exception {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    ApiClient borrower = new ApiClient(port);
    String profile = borrower.signIn(wallet).body().get("profileId").asString();
    IssuanceFixtures.seedGoodHistory(jdbc, profile, wallet.address(), CHAIN_A, Instant.now());
    ApiClient.Response r =
        borrower.post(
            "/api/v1/attestations",
            Map.of(
                "statement", Map.of("type", "band"),
                "recipient", world().a().account(3).getAddress(),
                "chainIds", List.of(CHAIN_A),
                "validForDays", 7));
    assertThat(r.status()).isEqualTo(202);
    String uid = r.body().get("uid").asString();
    String pkg = borrower.get("/api/v1/attestations/" + uid + "/package").raw();
    return new Issued(borrower, uid, CredentialPackage.fromJson(pkg));
  }

  static JsonNode chain(JsonNode view, long chainId) {
    for (JsonNode c : view.get("chains")) {
      if (c.get("chainId").asLong() == chainId) {
        return c;
      }
    }
    throw new AssertionError("no chain " + chainId);
  }

  @Test
  void thePublicViewShowsTheStatementAndLiveOnChainStatusAndNothingOfTheBorrower()
      throws Exception {
    Issued issued = issued();
    ApiClient outsider = new ApiClient(port);

    JsonNode before = outsider.get("/api/v1/attestations/" + issued.uid() + "/public").body();
    assertThat(before.get("uid").asString()).isEqualTo(issued.uid());
    assertThat(before.get("statement").get("kind").asString()).isEqualTo("band");
    assertThat(before.get("revoked").asBoolean()).isFalse();
    assertThat(chain(before, CHAIN_A).get("onChain").get("minted").asBoolean()).isFalse();
    assertThat(before.has("recipient")).isFalse();
    assertThat(before.has("owner")).isFalse();

    mint(world().a(), world().registryA(), issued.pkg(), world().a().account(3));
    JsonNode after = outsider.get("/api/v1/attestations/" + issued.uid() + "/public").body();
    assertThat(chain(after, CHAIN_A).get("onChain").get("minted").asBoolean()).isTrue();
    assertThat(chain(after, CHAIN_A).get("onChain").get("valid").asBoolean()).isTrue();
    assertThat(chain(after, CHAIN_B).get("onChain").get("minted").asBoolean()).isFalse();
    String raw = outsider.get("/api/v1/attestations/" + issued.uid() + "/public").raw();
    assertThat(raw.toLowerCase())
        .doesNotContain(world().a().account(3).getAddress().toLowerCase().substring(2))
        .doesNotContain("127.0.0.1"); // never the server's RPC URLs

    issued.borrower().delete("/api/v1/attestations/" + issued.uid());
    JsonNode revoked = outsider.get("/api/v1/attestations/" + issued.uid() + "/public").body();
    assertThat(revoked.get("revoked").asBoolean()).isTrue();
    assertThat(revoked.toString()).doesNotContain("BORROWER").doesNotContain("reason");
  }

  @Test
  void unknownAndMalformedUidsAreNotFound() {
    ApiClient outsider = new ApiClient(port);
    for (String uid : List.of("0x" + "ab".repeat(32), "not-a-uid", "0x12")) {
      ApiClient.Response r = outsider.get("/api/v1/attestations/" + uid + "/public");
      assertThat(r.status()).as(uid).isEqualTo(404);
      assertThat(r.problemType()).isEqualTo("urn:credence:problem:attestation-not-found");
    }
  }

  @Test
  void complianceReverifiesTheStoredProofAndSignatureCheckByCheck() throws Exception {
    Issued issued = issued();
    ApiClient officer = new ApiClient(port);
    officer.signIn(OFFICER);

    ApiClient.Response r =
        officer.post("/api/v1/compliance/attestations/" + issued.uid() + "/reverify", Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("valid").asBoolean()).isTrue();
    List<String> checks = new ArrayList<>();
    r.body()
        .get("checks")
        .forEach(
            c -> {
              checks.add(c.get("name").asString());
              assertThat(c.get("outcome").asString()).isIn("PASS", "SKIPPED");
            });
    assertThat(checks).contains("issuer-signature", "proof-hash", "range-proof");
    assertThat(r.body().get("scoreId").asString()).isNotBlank();

    ApiClient.Response unknown =
        officer.post(
            "/api/v1/compliance/attestations/0x" + "cd".repeat(32) + "/reverify", Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problemType()).isEqualTo("urn:credence:problem:attestation-not-found");

    ApiClient.Response asLender = new ApiClient(port).get("/api/v1/compliance/models");
    assertThat(asLender.status()).isEqualTo(401);
    ApiClient.Response asBorrower =
        issued
            .borrower()
            .post("/api/v1/compliance/attestations/" + issued.uid() + "/reverify", Map.of());
    assertThat(asBorrower.status()).isEqualTo(403);
  }

  @Test
  void complianceSeesEveryModelWithItsEvaluationAndUsage() throws Exception {
    issued(); // at least one score run
    ApiClient officer = new ApiClient(port);
    officer.signIn(OFFICER);
    JsonNode models = officer.get("/api/v1/compliance/models").body().get("models");
    assertThat(models.size()).isGreaterThanOrEqualTo(1);
    JsonNode active = null;
    for (JsonNode m : models) {
      if (m.get("active").asBoolean()) {
        active = m;
      }
    }
    assertThat(active).isNotNull();
    assertThat(active.get("modelId").asString()).matches("[0-9a-f]{64}");
    assertThat(active.get("version").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(active.get("evaluation").get("auc").asDouble()).isBetween(0.5, 1.0);
    assertThat(active.get("usageCount").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void oneUidFilterShowsTheCredentialsTrailFromScoreToVerification() throws Exception {
    Issued issued = issued();
    new ApiClient(port)
        .postWithoutCsrf(
            "/api/v1/verify",
            Map.of("package", JSON.readTree(issued.pkg().withoutOpening().toJson())));
    ApiClient officer = new ApiClient(port);
    officer.signIn(OFFICER);
    JsonNode trail = officer.get("/api/v1/compliance/audit?uid=" + issued.uid()).body();
    List<String> types = new ArrayList<>();
    trail.get("entries").forEach(e -> types.add(e.get("type").asString()));
    assertThat(types).contains("SCORE_COMPUTED", "ATTESTATION_ISSUED", "CREDENTIAL_VERIFIED");
    // The trail names ids and verdicts, never the score.
    trail.get("entries").forEach(e -> assertThat(e.get("details").has("score")).isFalse());
  }
}
