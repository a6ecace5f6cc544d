package io.credence.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.CredentialPackage;
import io.credence.lender.RegistriesOnAnvil;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance officer's audit API on the real log: role checks, filters, paging limits, the
 * integrity check and both exports. (Shares the lender ITs' Spring context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceAuditIT extends RegistriesOnAnvil {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  ApiClient officer;

  @BeforeEach
  void signIn() {
    officer = new ApiClient(port);
    assertThat(officer.signIn(OFFICER).status()).isEqualTo(200);
  }

  /** Verifies a fresh package anonymously; its uid. */
  String verified() {
    CredentialPackage pkg = bandPackage();
    ApiClient.Response r =
        new ApiClient(port)
            .postWithoutCsrf(
                "/api/v1/verify",
                Map.of(
                    "package",
                    JSON.readTree(shown(pkg)),
                    "policy",
                    Map.of("issuers", List.of(world().issuer().address().toString()))));
    assertThat(r.status()).isEqualTo(200);
    return pkg.uid().hex();
  }

  @Test
  void everyComplianceEndpointNeedsAComplianceWallet() {
    List<String> paths =
        List.of(
            "/api/v1/compliance/audit",
            "/api/v1/compliance/audit/integrity",
            "/api/v1/compliance/audit/export?format=json");
    ApiClient borrower = new ApiClient(port);
    borrower.signIn(TestWallets.Evm.random());
    ApiClient lender = new ApiClient(port);
    lender.signIn(LENDER);
    for (String path : paths) {
      ApiClient.Response anonymous = new ApiClient(port).get(path);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.problemType()).isEqualTo("urn:credence:problem:unauthenticated");
      ApiClient.Response asBorrower = borrower.get(path);
      assertThat(asBorrower.status()).as(path).isEqualTo(403);
      assertThat(asBorrower.problemType()).isEqualTo("urn:credence:problem:forbidden");
      assertThat(lender.get(path).status()).as(path).isEqualTo(403);
      assertThat(officer.get(path).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theLogFiltersByAttestationActionActorAndTime() {
    Instant before = Instant.now().minusSeconds(1);
    String uid = verified();
    verified(); // another attestation, must not match

    JsonNode byUid = officer.get("/api/v1/compliance/audit?uid=" + uid).body();
    assertThat(byUid.get("total").asLong()).isEqualTo(1);
    JsonNode entry = byUid.get("entries").get(0);
    assertThat(entry.get("type").asString()).isEqualTo("CREDENTIAL_VERIFIED");
    assertThat(entry.get("subject").asString()).isEqualTo("attestation:" + uid);
    assertThat(entry.get("details").get("uid").asString()).isEqualTo(uid);
    assertThat(entry.get("hash").asString()).startsWith("0x").hasSize(66);

    JsonNode byCase =
        officer.get("/api/v1/compliance/audit?uid=" + uid.toUpperCase().replace("0X", "0x")).body();
    assertThat(byCase.get("total").asLong()).isEqualTo(1);

    JsonNode byAction =
        officer
            .get(
                "/api/v1/compliance/audit?action=CREDENTIAL_VERIFIED&actor=anonymous&from="
                    + before)
            .body();
    assertThat(byAction.get("total").asLong()).isGreaterThanOrEqualTo(2);
    byAction
        .get("entries")
        .forEach(
            e -> {
              assertThat(e.get("type").asString()).isEqualTo("CREDENTIAL_VERIFIED");
              assertThat(e.get("actor").asString()).isEqualTo("anonymous");
            });

    JsonNode beforeAnything =
        officer.get("/api/v1/compliance/audit?to=" + Instant.parse("2000-01-01T00:00:00Z")).body();
    assertThat(beforeAnything.get("total").asLong()).isZero();

    JsonNode byModel = officer.get("/api/v1/compliance/audit?modelId=0x" + "ab".repeat(32)).body();
    assertThat(byModel.get("total").asLong()).isZero();
  }

  @Test
  void pagesAreNewestFirstAndCapped() {
    verified();
    verified();
    JsonNode first = officer.get("/api/v1/compliance/audit?size=1").body();
    JsonNode second = officer.get("/api/v1/compliance/audit?size=1&page=1").body();
    assertThat(first.get("entries").get(0).get("seq").asLong())
        .isGreaterThan(second.get("entries").get(0).get("seq").asLong());
    JsonNode huge = officer.get("/api/v1/compliance/audit?size=100000000000").body();
    assertThat(huge.get("size").asInt()).isEqualTo(200);
    assertThat(huge.get("entries").size()).isLessThanOrEqualTo(200);
  }

  @Test
  void malformedFiltersAreA400NamingTheParameterNotItsValue() {
    long entries = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    Map<String, String> bad =
        Map.of(
            "uid=nothex%3Cscript%3E", "uid",
            "modelId=0x12", "modelId",
            "from=yesterday", "from",
            "from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "from",
            "action=drop%20table", "action",
            "size=abc", "size",
            "page=-1", "page",
            "format=xml", "format");
    bad.forEach(
        (query, parameter) -> {
          String path =
              (query.startsWith("format")
                      ? "/api/v1/compliance/audit/export?"
                      : "/api/v1/compliance/audit?")
                  + query;
          ApiClient.Response r = officer.get(path);
          assertThat(r.status()).as(query).isEqualTo(400);
          assertThat(r.problemType()).isEqualTo("urn:credence:problem:invalid-request");
          assertThat(r.body().get("detail").asString())
              .startsWith(parameter)
              .doesNotContain("<script>")
              .doesNotContain("yesterday")
              .doesNotContain("xml");
        });
    // Reading the log changes nothing (the officer's sign-in was before the count).
    assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
        .isEqualTo(entries);
  }

  @Test
  void theIntegrityCheckRecomputesTheChainAndReportsAnchoring() {
    verified();
    JsonNode report = officer.get("/api/v1/compliance/audit/integrity").body();
    assertThat(report.get("intact").asBoolean()).isTrue();
    assertThat(report.get("chain").get("intact").asBoolean()).isTrue();
    long entries = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    assertThat(report.get("chain").get("entriesChecked").asLong()).isEqualTo(entries);
    // The test configuration anchors nowhere, and the report says so instead of claiming more.
    assertThat(report.get("anchoring").get("state").asString()).isEqualTo("DISABLED");
  }

  @Test
  void theCsvExportHasEveryFilteredEntryWithItsHashes() {
    String uid = verified();
    ApiClient.Response csv = officer.get("/api/v1/compliance/audit/export?uid=" + uid);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.raw().split("\r\n");
    assertThat(lines[0])
        .isEqualTo("seq,occurred_at,event_type,actor,subject,details,prev_hash,hash");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains(",CREDENTIAL_VERIFIED,anonymous,attestation:" + uid + ",");
    assertThat(lines[1]).matches(".*,0x[0-9a-f]{64},0x[0-9a-f]{64}$");
  }

  @Test
  void theJsonExportIsOldestFirstWithTheExactDetailsThatWereHashed() {
    String uid = verified();
    ApiClient.Response json =
        officer.get("/api/v1/compliance/audit/export?format=json&action=CREDENTIAL_VERIFIED");
    assertThat(json.status()).isEqualTo(200);
    JsonNode entries = json.body();
    assertThat(entries.isArray()).isTrue();
    long previous = 0;
    boolean found = false;
    for (JsonNode e : entries) {
      assertThat(e.get("seq").asLong()).isGreaterThan(previous);
      previous = e.get("seq").asLong();
      String stored =
          jdbc.sql("SELECT details FROM audit_entry WHERE seq = ?")
              .param(previous)
              .query(String.class)
              .single();
      assertThat(e.get("detailsText").asString()).isEqualTo(stored);
      found |= e.get("subject").asString().equals("attestation:" + uid);
    }
    assertThat(found).isTrue();
  }
}
