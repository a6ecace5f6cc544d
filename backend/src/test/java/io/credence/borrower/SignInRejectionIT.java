package io.credence.borrower;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every bad sign-in or link input: a clear 4xx with a stable problem type, and nothing changed — no
 * profile, no link, no session, and the nonce still unspent where one was valid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInRejectionIT {

  private static final String PROBLEM = "urn:credence:problem:";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private ApiClient client;
  private TestWallets.Evm wallet;

  @BeforeEach
  void setUp() {
    client = new ApiClient(port);
    wallet = TestWallets.Evm.random();
  }

  private String nonce() {
    return client.get("/api/v1/auth/nonce").body().get("nonce").asString();
  }

  private SiweText message(String nonce) {
    return SiweText.evm(client.origin(), wallet.address(), "1", nonce);
  }

  private ApiClient.Response signIn(String text, String signature) {
    return client.post("/api/v1/auth/siwe", Map.of("message", text, "signature", signature));
  }

  /** Runs a refused request and checks its status, type and that no state changed. */
  private void assertRefusedWithoutChange(
      int status,
      String slug,
      java.util.function.Supplier<ApiClient.Response> request,
      String nonce) {
    long profiles = count("borrower_profile");
    long links = count("wallet_link");
    ApiClient.Response response = request.get();
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo(PROBLEM + slug);
    assertThat(response.body().get("detail").asString()).isNotBlank();
    assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at io.credence");
    assertThat(count("borrower_profile")).isEqualTo(profiles);
    assertThat(count("wallet_link")).isEqualTo(links);
    if (nonce != null) {
      assertThat(consumed(nonce)).as("nonce stays unspent").isFalse();
    }
    assertThat(client.get("/api/v1/wallets").status()).as("no session").isEqualTo(401);
  }

  @Test
  void malformedMessage() {
    String nonce = nonce();
    String text = message(nonce).text().replace("Version: 1\n", "");
    assertRefusedWithoutChange(
        400, "malformed-sign-in-message", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void wrongDomain() {
    String nonce = nonce();
    String text = message(nonce).withDomain("evil.example").text();
    assertRefusedWithoutChange(
        400, "domain-mismatch", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void wrongUri() {
    String nonce = nonce();
    String text = message(nonce).withUri("https://evil.example/login").text();
    assertRefusedWithoutChange(
        400, "uri-mismatch", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void unsupportedChain() {
    String nonce = nonce();
    String text = message(nonce).withChainId("999999").text();
    assertRefusedWithoutChange(
        400, "unsupported-chain", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void unknownNonce() {
    String text = message("neverIssued12345").text();
    assertRefusedWithoutChange(
        400, "nonce-unknown", () -> signIn(text, wallet.personalSign(text)), null);
  }

  @Test
  void expiredNonce() {
    String nonce = "expired" + System.nanoTime();
    Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
    jdbc.update(
        "INSERT INTO auth_nonce (nonce, issued_at, expires_at, purpose) VALUES (?, ?, ?, 'sign-in')",
        nonce,
        OffsetDateTime.ofInstant(past.minus(10, ChronoUnit.MINUTES), ZoneOffset.UTC),
        OffsetDateTime.ofInstant(past, ZoneOffset.UTC));
    String text = message(nonce).text();
    assertRefusedWithoutChange(
        400, "nonce-expired", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void reusedNonce() {
    String nonce = nonce();
    String text = message(nonce).text();
    assertThat(signIn(text, wallet.personalSign(text)).status()).isEqualTo(200);
    client = new ApiClient(port); // a fresh browser replaying the same signed message
    long profiles = count("borrower_profile");
    ApiClient.Response replay = signIn(text, wallet.personalSign(text));
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.problemType()).isEqualTo(PROBLEM + "nonce-used");
    assertThat(count("borrower_profile")).isEqualTo(profiles);
    assertThat(client.get("/api/v1/wallets").status()).isEqualTo(401);
  }

  @Test
  void expiredMessage() {
    String nonce = nonce();
    String text =
        message(nonce)
            .withExpirationTime(Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS))
            .text();
    assertRefusedWithoutChange(
        400, "message-expired", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void notYetValidMessage() {
    String nonce = nonce();
    String text =
        message(nonce)
            .withNotBefore(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))
            .text();
    assertRefusedWithoutChange(
        400, "message-not-yet-valid", () -> signIn(text, wallet.personalSign(text)), nonce);
  }

  @Test
  void signatureFromAnotherKey() {
    String nonce = nonce();
    String text = message(nonce).text();
    String forged = TestWallets.Evm.random().personalSign(text);
    assertRefusedWithoutChange(401, "signature-mismatch", () -> signIn(text, forged), nonce);
  }

  @Test
  void malformedSignatureHex() {
    String nonce = nonce();
    String text = message(nonce).text();
    String bad = "0x" + "zz".repeat(65);
    assertRefusedWithoutChange(400, "malformed-signature", () -> signIn(text, bad), nonce);
  }

  @Test
  void malformedSignatureLength() {
    String nonce = nonce();
    String text = message(nonce).text();
    String shortSig = wallet.personalSign(text).substring(0, 120);
    assertRefusedWithoutChange(400, "malformed-signature", () -> signIn(text, shortSig), nonce);
  }

  @Test
  void walletAlreadyLinkedToAnotherProfile() {
    // The wallet signs in and so belongs to profile A.
    assertThat(client.signIn(wallet).status()).isEqualTo(200);

    // Borrower B signs in with their own wallet and tries to link A's wallet.
    client = new ApiClient(port);
    assertThat(client.signIn(TestWallets.Evm.random()).status()).isEqualTo(200);

    String n3 = nonce();
    String t3 = message(n3).text();
    long links = count("wallet_link");
    ApiClient.Response response =
        client.post("/api/v1/wallets", Map.of("message", t3, "signature", wallet.personalSign(t3)));
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.problemType()).isEqualTo(PROBLEM + "wallet-already-linked");
    assertThat(count("wallet_link")).isEqualTo(links);
    assertThat(consumed(n3)).isFalse();
    assertThat(client.get("/api/v1/wallets").body()).hasSize(1);
  }

  @Test
  void solanaSignatureOverADifferentMessage() {
    assertThat(client.signIn(wallet).status()).isEqualTo(200);
    TestWallets.Solana sol = TestWallets.Solana.random();
    String nonce = nonce();
    String text = SiweText.solana(client.origin(), sol.address(), "mainnet", nonce).text();
    String otherText = SiweText.solana(client.origin(), sol.address(), "devnet", nonce).text();
    long links = count("wallet_link");
    ApiClient.Response response =
        client.post(
            "/api/v1/wallets",
            Map.of("chain", "solana", "message", text, "signature", sol.sign(otherText)));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.problemType()).isEqualTo(PROBLEM + "signature-mismatch");
    assertThat(count("wallet_link")).isEqualTo(links);
    assertThat(consumed(nonce)).isFalse();
  }

  @Test
  void oversizedBodyWithDeclaredLength() {
    String nonce = nonce();
    String huge = "{\"message\":\"" + "a".repeat(20_000) + "\",\"signature\":\"0x00\"}";
    assertRefusedWithoutChange(
        413, "payload-too-large", () -> client.postRaw("/api/v1/auth/siwe", huge), nonce);
  }

  @Test
  void oversizedChunkedBody() {
    String nonce = nonce();
    byte[] huge =
        ("{\"message\":\"" + "a".repeat(40_000) + "\",\"signature\":\"0x00\"}").getBytes();
    assertRefusedWithoutChange(
        413, "payload-too-large", () -> client.postChunked("/api/v1/auth/siwe", huge), nonce);
  }

  @Test
  void linkingWhileSignedOut() {
    String nonce = nonce();
    String text = message(nonce).text();
    assertRefusedWithoutChange(
        401,
        "unauthenticated",
        () ->
            client.post(
                "/api/v1/wallets", Map.of("message", text, "signature", wallet.personalSign(text))),
        nonce);
  }

  @Test
  void missingCsrfToken() {
    String nonce = nonce();
    String text = message(nonce).text();
    assertRefusedWithoutChange(
        403,
        "csrf-token-invalid",
        () ->
            client.postWithoutCsrf(
                "/api/v1/auth/siwe",
                Map.of("message", text, "signature", wallet.personalSign(text))),
        nonce);
  }

  @Test
  void missingFields() {
    assertRefusedWithoutChange(
        400,
        "invalid-request",
        () -> client.post("/api/v1/auth/siwe", Map.of("message", "")),
        null);
  }

  @Test
  void notJson() {
    assertRefusedWithoutChange(
        400, "malformed-request", () -> client.postRaw("/api/v1/auth/siwe", "{not json"), null);
  }

  @Test
  void refusedSignInIsOnTheAuditRecordWithItsReason() {
    String nonce = nonce();
    String text = message(nonce).text();
    String forged = TestWallets.Evm.random().personalSign(text);
    // The first failure of a client in a minute is recorded at once (later ones are aggregated).
    jdbc.update("DELETE FROM audit_failure_tally WHERE client = '127.0.0.1'");
    long before = count("audit_entry");
    assertThat(signIn(text, forged).status()).isEqualTo(401);
    assertThat(count("audit_entry")).isEqualTo(before + 1);
    Map<String, Object> last =
        jdbc.queryForMap("SELECT event_type, details FROM audit_entry ORDER BY seq DESC LIMIT 1");
    assertThat(last.get("event_type")).isEqualTo("SIGN_IN_FAILED");
    assertThat((String) last.get("details"))
        .contains("signature-mismatch")
        .contains("\"client\":\"127.0.0.1\"")
        .doesNotContain(forged);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE true", Long.class);
  }

  private boolean consumed(String nonce) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT consumed_at IS NOT NULL FROM auth_nonce WHERE nonce = ?",
            Boolean.class,
            nonce));
  }
}
