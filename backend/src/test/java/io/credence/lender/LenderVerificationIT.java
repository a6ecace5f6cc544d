package io.credence.lender;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.CredentialPackage;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import io.credence.zk.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/verify} against real registries on two Anvil chains, with packages issued by
 * the real issuer: every check reported, each failure with its reason, bad input refused with
 * nothing recorded, and the lender's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LenderVerificationIT extends RegistriesOnAnvil {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  ApiClient anonymous() {
    return new ApiClient(port);
  }

  static Map<String, Object> body(String pkg, Map<String, Object> policy) {
    Map<String, Object> body = new HashMap<>();
    body.put("package", JSON.readTree(pkg));
    if (policy != null) {
      body.put("policy", policy);
    }
    return body;
  }

  static Map<String, String> outcomes(ApiClient.Response r) {
    Map<String, String> out = new HashMap<>();
    r.body()
        .get("checks")
        .forEach(c -> out.put(c.get("check").asString(), c.get("outcome").asString()));
    return out;
  }

  static String detail(ApiClient.Response r, String check) {
    for (JsonNode c : r.body().get("checks")) {
      if (c.get("check").asString().equals(check)) {
        return c.get("detail").asString();
      }
    }
    throw new AssertionError("no check " + check);
  }

  long auditEntries() {
    return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
  }

  long storedVerifications() {
    return jdbc.sql("SELECT count(*) FROM lender_verification").query(Long.class).single();
  }

  @Test
  void aMintedBandPackageIsValidWithEveryCheckPassedAndOnlyTheStatementShown() throws Exception {
    var w = world();
    var recipient = w.a().account(4);
    CredentialPackage pkg =
        issue(w.issuer(), recipient.getAddress(), 707, new Statement.Band(670, 749));
    mint(w.a(), w.registryA(), pkg, recipient);

    // No session, no CSRF token: a lender's server calls this directly.
    ApiClient.Response r =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    shown(pkg),
                    Map.of("chainId", CHAIN_A, "minBand", "B", "minScore", 650, "maxAgeDays", 30)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("valid").asBoolean()).isTrue();
    assertThat(r.body().get("uid").asString()).isEqualTo(pkg.uid().hex());
    assertThat(outcomes(r))
        .containsEntry("issuer-signature", "PASS")
        .containsEntry("issuer-allowed", "PASS")
        .containsEntry("not-expired", "PASS")
        .containsEntry("proof-hash", "PASS")
        .containsEntry("range-proof", "PASS")
        .containsEntry("min-score", "PASS")
        .containsEntry("on-chain-status", "PASS")
        .containsEntry("min-band", "PASS")
        .containsEntry("max-age", "PASS");
    JsonNode statement = r.body().get("attestation").get("statement");
    assertThat(statement.get("kind").asString()).isEqualTo("band");
    assertThat(statement.get("band").asString()).isEqualTo("B");
    // Without an allow-list the server trusts its own issuer; chain B was asked for revocations.
    assertThat(r.body().get("policy").get("issuerSource").asString()).isEqualTo("this-server");
    assertThat(r.body().get("policy").get("revocationChains").get(0).asLong()).isEqualTo(CHAIN_B);
    // Neither the presentation address nor the score is echoed.
    assertThat(r.raw().toLowerCase())
        .doesNotContain(recipient.getAddress().toLowerCase().substring(2));
    assertThat(r.raw()).doesNotContain("\"score\"").doesNotContain("opening");
  }

  @Test
  void withoutAChainThePackageIsCheckedOfflineAndForRevocationsOnEveryConfiguredChain() {
    CredentialPackage pkg = bandPackage();
    ApiClient.Response r =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    shown(pkg), Map.of("issuers", List.of(world().issuer().address().toString()))));
    assertThat(r.body().get("valid").asBoolean()).isTrue();
    assertThat(outcomes(r))
        .containsEntry("on-chain-status", "PASS")
        .containsEntry("min-score", "SKIPPED");
    assertThat(r.body().get("policy").get("revocationChains")).hasSize(2);
  }

  @Test
  void aTamperedProofIsInvalidWithTheProofChecksFailing() {
    CredentialPackage pkg = bandPackage();
    ObjectNode doc = (ObjectNode) JSON.readTree(shown(pkg));
    String proof = doc.get("proof").asString();
    char last = proof.charAt(proof.length() - 1);
    doc.put("proof", proof.substring(0, proof.length() - 1) + (last == '0' ? '1' : '0'));

    ApiClient.Response r =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    doc.toString(),
                    Map.of("issuers", List.of(world().issuer().address().toString()))));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("valid").asBoolean()).isFalse();
    assertThat(outcomes(r))
        .containsEntry("proof-hash", "FAIL")
        .containsEntry("range-proof", "FAIL");
    assertThat(detail(r, "proof-hash")).contains("proofHash");
  }

  @Test
  void aProofLiftedFromAnotherPackageIsInvalid() {
    CredentialPackage pkg = bandPackage();
    CredentialPackage other = bandPackage();
    ObjectNode doc = (ObjectNode) JSON.readTree(shown(pkg));
    doc.put("proof", JSON.readTree(shown(other)).get("proof").asString());
    ApiClient.Response r =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    doc.toString(),
                    Map.of("issuers", List.of(world().issuer().address().toString()))));
    assertThat(r.body().get("valid").asBoolean()).isFalse();
    assertThat(outcomes(r))
        .containsEntry("proof-hash", "FAIL")
        .containsEntry("range-proof", "FAIL");
  }

  @Test
  void anIssuerTheRegistryDoesNotTrustIsInvalidForTheIssuerCheck() {
    AttestationIssuer rogue = issuer(Clock.systemUTC());
    CredentialPackage pkg =
        issue(rogue, TestWallets.Evm.random().address(), 707, new Statement.Band(670, 749));

    ApiClient.Response byRegistry =
        anonymous().postWithoutCsrf("/api/v1/verify", body(shown(pkg), Map.of("chainId", CHAIN_A)));
    assertThat(byRegistry.body().get("valid").asBoolean()).isFalse();
    assertThat(outcomes(byRegistry))
        .containsEntry("issuer-signature", "PASS")
        .containsEntry("issuer-allowed", "FAIL");
    assertThat(detail(byRegistry, "issuer-allowed")).contains("is not on the allow-list");

    ApiClient.Response byList =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    shown(pkg), Map.of("issuers", List.of(world().issuer().address().toString()))));
    assertThat(outcomes(byList)).containsEntry("issuer-allowed", "FAIL");
    assertThat(detail(byList, "issuer-allowed")).contains("not on the allow-list");

    // No allow-list and no chain: only this server's own issuer is trusted.
    ApiClient.Response noTrust =
        anonymous().postWithoutCsrf("/api/v1/verify", body(shown(pkg), null));
    assertThat(outcomes(noTrust)).containsEntry("issuer-allowed", "FAIL");
  }

  @Test
  void anExpiredPackageIsInvalidForExpiry() {
    Clock fortyDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC);
    AttestationIssuer past = issuer(fortyDaysAgo);
    CredentialPackage pkg =
        issue(past, TestWallets.Evm.random().address(), 707, new Statement.Band(670, 749));
    ApiClient.Response r =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    shown(pkg),
                    Map.of("issuers", List.of(past.address().toString()), "maxAgeDays", 30)));
    assertThat(r.body().get("valid").asBoolean()).isFalse();
    assertThat(outcomes(r)).containsEntry("not-expired", "FAIL").containsEntry("max-age", "FAIL");
    assertThat(detail(r, "not-expired")).startsWith("expired at");
  }

  @Test
  void aRevokedPackageIsInvalidOnItsChainAndWhereverTheRevocationIsRecorded() throws Exception {
    var w = world();
    var recipient = w.a().account(4);
    CredentialPackage pkg =
        issue(w.issuer(), recipient.getAddress(), 707, new Statement.Band(670, 749));
    mint(w.a(), w.registryA(), pkg, recipient);
    var revocation = w.registryB().revoke(w.issuer(), pkg.uid()); // recorded on B only

    ApiClient.Response onA =
        anonymous().postWithoutCsrf("/api/v1/verify", body(shown(pkg), Map.of("chainId", CHAIN_A)));
    assertThat(onA.body().get("valid").asBoolean()).isFalse();
    assertThat(outcomes(onA)).containsEntry("on-chain-status", "FAIL");
    assertThat(detail(onA, "on-chain-status")).startsWith("revoked on");

    w.registryA().relay(revocation);
    ApiClient.Response afterRelay =
        anonymous().postWithoutCsrf("/api/v1/verify", body(shown(pkg), Map.of("chainId", CHAIN_A)));
    assertThat(detail(afterRelay, "on-chain-status")).isEqualTo("revoked");
  }

  @Test
  void aStatementBelowThePolicyFailsOnlyThePolicyChecksAndSaysWhatIsProven() {
    CredentialPackage pkg =
        issue(
            world().issuer(),
            TestWallets.Evm.random().address(),
            600,
            new Statement.Band(580, 669));
    ApiClient.Response r =
        anonymous()
            .postWithoutCsrf(
                "/api/v1/verify",
                body(
                    shown(pkg),
                    Map.of(
                        "issuers",
                        List.of(world().issuer().address().toString()),
                        "minScore",
                        650,
                        "minBand",
                        "b")));
    assertThat(r.body().get("valid").asBoolean()).isFalse();
    assertThat(outcomes(r))
        .containsEntry("min-score", "FAIL")
        .containsEntry("min-band", "FAIL")
        .containsEntry("range-proof", "PASS");
    // What the lender learns is the attested statement (lo = 580), never the score (600).
    assertThat(detail(r, "min-score")).contains("580").doesNotContain("600");
  }

  @Test
  void malformedPackagesAreRefusedWithAClear400AndNothingIsRecorded() {
    long audit = auditEntries();
    long stored = storedVerifications();
    ObjectNode valid = (ObjectNode) JSON.readTree(shown(bandPackage()));
    List<Object> bad = new ArrayList<>();
    bad.add(42);
    bad.add("not json at all {");
    bad.add(JSON.createArrayNode());
    ObjectNode missing = valid.deepCopy();
    missing.remove("proof");
    bad.add(missing);
    ObjectNode badHex = valid.deepCopy();
    badHex.put("issuerSignature", "0xZZ");
    bad.add(badHex);
    ObjectNode otherUid = valid.deepCopy();
    otherUid.put("uid", "0x" + "11".repeat(32));
    bad.add(otherUid);
    ObjectNode version = valid.deepCopy();
    version.put("version", 99);
    bad.add(version);
    ObjectNode offCurve = valid.deepCopy();
    ((ObjectNode) offCurve.get("attestation")).put("commitment", "0x" + "01".repeat(64));
    bad.add(offCurve);

    for (Object pkg : bad) {
      Map<String, Object> body = new HashMap<>();
      body.put("package", pkg);
      ApiClient.Response r = anonymous().postWithoutCsrf("/api/v1/verify", body);
      assertThat(r.status()).as("%s", pkg).isEqualTo(400);
      assertThat(r.problemType()).isEqualTo("urn:credence:problem:malformed-package");
      assertThat(r.body().get("detail").asString()).doesNotContain("ZZ").doesNotContain("99");
    }
    ApiClient.Response noPackage =
        anonymous().postWithoutCsrf("/api/v1/verify", Map.of("policy", Map.of()));
    assertThat(noPackage.status()).isEqualTo(400);
    assertThat(auditEntries()).isEqualTo(audit);
    assertThat(storedVerifications()).isEqualTo(stored);
  }

  @Test
  void aPackageWithTheSecretOpeningIsRefusedSoTheServerNeverReadsAScore() {
    long audit = auditEntries();
    CredentialPackage pkg = bandPackage(); // the borrower's copy, opening included
    ApiClient.Response r = anonymous().postWithoutCsrf("/api/v1/verify", body(pkg.toJson(), null));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.problemType()).isEqualTo("urn:credence:problem:package-contains-opening");
    assertThat(r.raw()).doesNotContain("707");
    assertThat(auditEntries()).isEqualTo(audit);
  }

  @Test
  void badPoliciesAreRefusedWithAClear400AndNothingIsRecorded() {
    long audit = auditEntries();
    String pkg = shown(bandPackage());
    List<Map<String, Object>> policies =
        List.of(
            Map.of("chainId", 999_999),
            Map.of("minBand", "Z"),
            Map.of("minScore", 10_000),
            Map.of("maxAgeDays", -1),
            Map.of("issuers", List.of("0x1234")));
    for (Map<String, Object> policy : policies) {
      ApiClient.Response r = anonymous().postWithoutCsrf("/api/v1/verify", body(pkg, policy));
      assertThat(r.status()).as("%s", policy).isEqualTo(400);
      assertThat(r.problemType())
          .isIn("urn:credence:problem:unknown-chain", "urn:credence:problem:invalid-request");
    }
    assertThat(auditEntries()).isEqualTo(audit);
  }

  @Test
  void everyVerificationIsAnAuditEntryNamingTheAttestationAndVerdictButNoScore() {
    CredentialPackage pkg = bandPackage();
    anonymous()
        .postWithoutCsrf(
            "/api/v1/verify",
            body(shown(pkg), Map.of("issuers", List.of(world().issuer().address().toString()))));
    var entry =
        jdbc.sql(
                "SELECT actor, details FROM audit_entry WHERE event_type = 'CREDENTIAL_VERIFIED'"
                    + " AND subject = ?")
            .param("attestation:" + pkg.uid().hex())
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
            .single();
    assertThat(entry.get(0)).isEqualTo("anonymous");
    // The ids are random hex and may contain "707" themselves: the score must be in none of the
    // other fields.
    String withoutIds =
        entry.get(1).replace(pkg.uid().hex(), "").replaceAll("\"verificationId\":\"[^\"]*\"", "");
    assertThat(entry.get(1)).contains("\"valid\":\"true\"");
    assertThat(withoutIds).doesNotContain("707");
  }

  @Test
  void aSignedInLenderKeepsTheirVerificationHistoryNewestFirst() {
    ApiClient lender = new ApiClient(port);
    assertThat(lender.signIn(LENDER).status()).isEqualTo(200);
    CredentialPackage first = bandPackage();
    CredentialPackage second = bandPackage();
    String issuer = world().issuer().address().toString();
    lender.post("/api/v1/verify", body(shown(first), Map.of("issuers", List.of(issuer))));
    lender.post("/api/v1/verify", body(shown(second), Map.of("issuers", List.of(issuer))));

    ApiClient.Response history = lender.get("/api/v1/verifications?size=100000");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.body().get("size").asInt()).isEqualTo(100); // capped
    assertThat(history.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
    JsonNode items = history.body().get("items");
    assertThat(items.get(0).get("uid").asString()).isEqualTo(second.uid().hex());
    assertThat(items.get(1).get("uid").asString()).isEqualTo(first.uid().hex());
    assertThat(items.get(0).get("checks")).hasSize(9);

    var actor =
        jdbc.sql("SELECT actor FROM audit_entry WHERE subject = ?")
            .param("attestation:" + second.uid().hex())
            .query(String.class)
            .single();
    assertThat(actor).isEqualToIgnoringCase("lender:" + LENDER.address());
  }

  @Test
  void onlyLendersHaveAHistory() {
    assertThat(anonymous().get("/api/v1/verifications").status()).isEqualTo(401);
    ApiClient borrower = new ApiClient(port);
    borrower.signIn(TestWallets.Evm.random());
    ApiClient.Response denied = borrower.get("/api/v1/verifications");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemType()).isEqualTo("urn:credence:problem:forbidden");
    ApiClient officer = new ApiClient(port);
    officer.signIn(OFFICER);
    assertThat(officer.get("/api/v1/verifications").status()).isEqualTo(403);
  }

  @Test
  void aBorrowersVerificationIsAnonymousAndLandsInNoHistory() {
    long stored = storedVerifications();
    ApiClient borrower = new ApiClient(port);
    borrower.signIn(TestWallets.Evm.random());
    ApiClient.Response r =
        borrower.post(
            "/api/v1/verify",
            body(
                shown(bandPackage()),
                Map.of("issuers", List.of(world().issuer().address().toString()))));
    assertThat(r.status()).isEqualTo(200);
    assertThat(storedVerifications()).isEqualTo(stored);
  }
}
