package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A server configured for an https public origin behind a TLS proxy, with the production nonce
 * limit (20 per client per window): findings 4 and 9.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "credence.public-base-url=https://credence.example",
      "credence.rate-limits.limits.nonce-per-client.requests=20",
      "credence.rate-limits.limits.nonce-per-client.window=1h",
      "credence.rate-limits.limits.sign-in-per-wallet.requests=3",
      "credence.rate-limits.limits.sign-in-per-wallet.window=1h"
    })
class HttpsOriginAndLimitsIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Each request claims another client in {@code X-Forwarded-For}; this server trusts no proxy, so
   * the header is ignored and all 21 count against the TCP peer (no escaping the limit by cycling
   * claimed addresses). Refusals after the first come from the instance's memory of it (no database
   * work); they must look the same.
   */
  @Test
  void finding4_the21stNonceRequestOfAClientGets429WithRetryAfter() throws Exception {
    jdbc.update("DELETE FROM rate_limit_counter WHERE bucket = 'nonce-per-client'");
    long noncesBefore = count();
    for (int i = 1; i <= 20; i++) {
      assertThat(nonceClaimingToBe("203.0.113." + i).statusCode())
          .as("request %d", i)
          .isEqualTo(200);
    }
    HttpResponse<String> limited = nonceClaimingToBe("203.0.113.21");
    HttpResponse<String> limitedAgain = nonceClaimingToBe("203.0.113.22");

    assertThat(limitedAgain.statusCode()).isEqualTo(429);
    assertThat(limitedAgain.body()).isEqualTo(limited.body());
    assertThat(limitedAgain.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("urn:credence:problem:rate-limited");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(count() - noncesBefore).as("no row for the refused request").isEqualTo(20);
  }

  @Test
  void finding4_signInAttemptsPerWalletAreLimitedWhateverTheClient() throws Exception {
    String wallet = "0x" + Long.toHexString(System.nanoTime()) + "ab".repeat(12);
    String body =
        "{\"message\":\"credence.example wants you to sign in with your Ethereum account:\\n"
            + wallet
            + "\\n\\nURI: https://credence.example\",\"signature\":\"0x00\"}";
    List<Integer> statuses =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> postWithFreshSession("/api/v1/auth/siwe", body).statusCode())
            .toList();
    assertThat(statuses.subList(0, 3)).allMatch(s -> s == 400);
    assertThat(statuses.get(3)).isEqualTo(429);
  }

  @Test
  void finding9_anHttpsOriginMeansHstsAndSecureCookiesEvenOverThePlainProxyHop() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    List<String> cookies = home.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("CREDENCE_SESSION="));
    assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
  }

  @Test
  void finding9_redirectsGoToThePublicOriginWhateverTheHostOrUntrustedForwardedHeaders()
      throws Exception {
    String response =
        raw(
            "GET /wallets HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: http\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 302");
    assertThat(SecurityFindingsIT.location(response)).isEqualTo("https://credence.example/sign-in");
  }

  private HttpResponse<String> nonceClaimingToBe(String client) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/nonce"))
            .header("X-Forwarded-For", client)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long count() {
    return jdbc.queryForObject("SELECT count(*) FROM auth_nonce", Long.class);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A POST with its own session and CSRF token, as a fresh browser would send it. */
  private HttpResponse<String> postWithFreshSession(String path, String body) {
    try {
      HttpResponse<String> home = get("/");
      String session = cookie(home, "CREDENCE_SESSION");
      String csrf = cookie(home, "XSRF-TOKEN");
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/json")
              .header("Cookie", "CREDENCE_SESSION=" + session + "; XSRF-TOKEN=" + csrf)
              .header("X-XSRF-TOKEN", csrf)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElse("");
  }

  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      StringBuilder response = new StringBuilder();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        response.append(line).append('\n');
      }
      return response.toString();
    }
  }
}
