package io.credence.lender;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.IssuanceFixtures;
import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The privacy test of issue 11: a real borrower with two linked wallets, a synced history, a score
 * and a minted band attestation; then every lender and public endpoint is walked — as an outsider,
 * as a lender, with valid, probing and bad input — and no response may contain a linked wallet
 * address, the exact score, the probability of default, a reason code or any history value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LenderPrivacyIT extends RegistriesOnAnvil {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  static final Pattern BLOCK = Pattern.compile("\"block\":[0-9]+");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** What the borrower knows and nobody else may learn. */
  record Secrets(
      List<String> wallets,
      int score,
      double probability,
      List<String> reasonCodes,
      List<String> reasonTexts,
      List<String> historyHashes,
      List<String> historyValues) {}

  @Test
  void noLenderOrPublicResponseRevealsWalletsScoreProbabilityReasonsOrHistory() throws Exception {
    // The borrower: two linked wallets, a synced history on chain A, a score.
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    ApiClient borrower = new ApiClient(port);
    String profile = borrower.signIn(first).body().get("profileId").asString();
    assertThat(borrower.linkEvm(second, "137").status()).isEqualTo(201);
    IssuanceFixtures.seedGoodHistory(jdbc, profile, first.address(), CHAIN_A, Instant.now());
    IssuanceFixtures.seedGoodHistory(jdbc, profile, second.address(), CHAIN_B, Instant.now());
    JsonNode score = borrower.get("/api/v1/score").body();
    Secrets secrets = secrets(borrower, score, first, second);

    // A band attestation to a fresh presentation address, minted on chain A by its recipient.
    var recipient = world().a().account(3);
    ApiClient.Response issued =
        borrower.post(
            "/api/v1/attestations",
            Map.of(
                "statement", Map.of("type", "band"),
                "recipient", recipient.getAddress(),
                "chainIds", List.of(CHAIN_A),
                "validForDays", 7));
    assertThat(issued.status()).isEqualTo(202);
    String uid = issued.body().get("uid").asString();
    String pkg = borrower.get("/api/v1/attestations/" + uid + "/package").raw();
    mint(
        world().a(),
        world().registryA(),
        io.credence.attestations.CredentialPackage.fromJson(pkg),
        recipient);
    JsonNode statement = JSON.readTree(pkg).get("attestation").get("statement");
    int lo = statement.get("lo").asInt();
    int hi = statement.get("hi").asInt();

    // Every lender and public endpoint, as an outsider and as a lender, good and bad input.
    Map<String, ApiClient.Response> responses = new LinkedHashMap<>();
    ApiClient outsider = new ApiClient(port);
    ApiClient lender = new ApiClient(port);
    lender.signIn(LENDER);
    responses.put("public view", outsider.get("/api/v1/attestations/" + uid + "/public"));
    responses.put(
        "public view, unknown uid",
        outsider.get("/api/v1/attestations/0x" + "12".repeat(32) + "/public"));
    responses.put("chains", outsider.get("/api/v1/chains"));
    List<Map<String, Object>> policies =
        List.of(
            Map.of(),
            Map.of("chainId", CHAIN_A),
            Map.of("chainId", CHAIN_B),
            Map.of("minScore", lo),
            Map.of("minScore", Math.min(850, hi + 1)),
            Map.of("minScore", 300, "maxAgeDays", 1),
            Map.of("minBand", "A"),
            Map.of("minBand", "D"),
            Map.of("issuers", List.of(world().issuer().address().toString())));
    for (Map<String, Object> policy : policies) {
      Map<String, Object> body = Map.of("package", JSON.readTree(pkg), "policy", policy);
      responses.put("verify " + policy, outsider.postWithoutCsrf("/api/v1/verify", body));
      responses.put("verify as lender " + policy, lender.post("/api/v1/verify", body));
    }
    Map<String, Object> malformed = new HashMap<>();
    malformed.put("package", Map.of("version", 1, "uid", uid));
    responses.put("verify malformed", outsider.postWithoutCsrf("/api/v1/verify", malformed));
    responses.put(
        "verify with the opening",
        outsider.postWithoutCsrf(
            "/api/v1/verify",
            Map.of("package", JSON.readTree(pkg.replaceFirst("\\{", "{\"opening\":{},")))));
    responses.put("lender history", lender.get("/api/v1/verifications?size=100"));

    assertThat(responses.get("public view").status()).isEqualTo(200);
    assertThat(responses.get("public view, unknown uid").status()).isEqualTo(404);
    assertThat(responses.get("verify {chainId=" + CHAIN_A + "}").body().get("valid").asBoolean())
        .isTrue();
    assertThat(responses.get("lender history").body().get("items").size())
        .isGreaterThanOrEqualTo(policies.size());
    // A band bound equal to the score is the statement itself, not a leak: then the score check
    // cannot tell the two apart (the statement's bounds are asserted on their own above).
    boolean scoreIsABound = secrets.score() == lo || secrets.score() == hi;
    responses.forEach(
        (name, response) -> assertRevealsNothing(name, response.raw(), secrets, !scoreIsABound));
  }

  /** Fails if the text holds any secret. */
  static void assertRevealsNothing(String name, String raw, Secrets s, boolean checkScore) {
    String lower = raw.toLowerCase(Locale.ROOT);
    for (String wallet : s.wallets()) {
      assertThat(lower).as("%s leaks a linked wallet", name).doesNotContain(wallet.substring(2));
    }
    for (String hash : s.historyHashes()) {
      assertThat(lower)
          .as("%s leaks a history transaction", name)
          .doesNotContain(hash.substring(2));
    }
    for (String code : s.reasonCodes()) {
      assertThat(raw).as("%s leaks a reason code", name).doesNotContain(code);
    }
    for (String text : s.reasonTexts()) {
      assertThat(raw).as("%s leaks a reason", name).doesNotContain(text);
    }
    // Numbers are looked for outside hex strings (a uid or proof may contain any digits).
    // Block numbers of mint transactions are public chain facts that may equal any small number.
    String decimals = BLOCK.matcher(HEX.matcher(raw).replaceAll("0x")).replaceAll("");
    if (checkScore) {
      assertThat(decimals)
          .as("%s leaks the score", name)
          .doesNotContainPattern("(?<![0-9.])" + s.score() + "(?![0-9])");
    }
    assertThat(decimals)
        .as("%s leaks the probability", name)
        .doesNotContain(Double.toString(s.probability()))
        .doesNotContain(String.format(Locale.ROOT, "%.4f", s.probability()));
    for (String value : s.historyValues()) {
      assertThat(decimals)
          .as("%s leaks a history value", name)
          .doesNotContainPattern("(?<![0-9.])" + Pattern.quote(value) + "(?![0-9])");
    }
  }

  Secrets secrets(ApiClient borrower, JsonNode score, TestWallets.Evm... wallets) {
    List<String> codes = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    score
        .get("reasons")
        .forEach(
            r -> {
              codes.add(r.get("code").asString());
              texts.add(r.get("text").asString());
            });
    // History values: the stored events' transaction hashes, and from the borrower's own export
    // every event time and every USD amount of four or more digits (shorter numbers are too
    // common in any response to test for).
    List<String> hashes = new ArrayList<>();
    for (TestWallets.Evm w : wallets) {
      hashes.addAll(
          jdbc.sql("SELECT tx_hash FROM history_event WHERE wallet = ?")
              .param(w.address().toLowerCase(Locale.ROOT))
              .query(String.class)
              .list());
    }
    assertThat(hashes).isNotEmpty();
    List<String> values = new ArrayList<>();
    collect(borrower.get("/api/v1/history").body(), values);
    assertThat(values).isNotEmpty();
    List<String> addresses = new ArrayList<>();
    for (TestWallets.Evm w : wallets) {
      addresses.add(w.address().toLowerCase(Locale.ROOT));
    }
    return new Secrets(
        addresses,
        score.get("score").asInt(),
        score.get("probabilityOfDefault").asDouble(),
        codes,
        texts,
        hashes,
        values);
  }

  /** Event times and USD amounts (at least 4 digits) of the history export. */
  static void collect(JsonNode node, List<String> values) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                JsonNode v = e.getValue();
                if (e.getKey().equals("timestamp") && v.isString()) {
                  values.add(v.asString());
                } else if (e.getKey().equals("amountUsd") && v.isNumber()) {
                  double usd = v.asDouble();
                  String text = usd == Math.rint(usd) ? Long.toString((long) usd) : v.asString();
                  if (text.replace(".", "").length() >= 4) {
                    values.add(text);
                  }
                } else {
                  collect(v, values);
                }
              });
    } else if (node.isArray()) {
      node.forEach(v -> collect(v, values));
    }
  }
}
