package io.credence.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, flood goal: a client the shared counter has refused is refused by Tomcat's pipeline
 * itself for the rest of the window — no session, no nonce, no filter — and it is the same client
 * the counter limits: behind a trusted proxy the forwarded address, each with its own limit. An
 * outsider who spells the path differently ({@code %6e} for {@code n}) reaches the same endpoint
 * and the same limit.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "credence.rate-limits.limits.nonce-per-client.requests=3",
      "credence.rate-limits.limits.nonce-per-client.window=1h",
      "credence.rate-limits.limits.sign-in-per-client.requests=1",
      "credence.rate-limits.limits.sign-in-per-client.window=1h"
    })
class EarlyRefusalIT {

  private static final String NONCE = "/api/v1/auth/nonce";

  @DynamicPropertySource
  static void trustedProxy(DynamicPropertyRegistry registry) {
    registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void behindATrustedProxyARefusedClientIsRefusedInTomcatWithTheCountersAnswer() throws Exception {
    jdbc.update("DELETE FROM rate_limit_counter WHERE bucket = 'nonce-per-client'");
    String client = "198.51.100.7";
    long nonces = nonceRows();
    for (int i = 1; i <= 3; i++) {
      assertThat(nonce(client, NONCE).statusCode()).as("request %d", i).isEqualTo(200);
    }
    double early = earlyRefusals();

    HttpResponse<String> counted = nonce(client, NONCE); // the shared counter refuses
    assertThat(counted.statusCode()).isEqualTo(429);
    assertThat(earlyRefusals()).as("the counter's own refusal").isEqualTo(early);

    HttpResponse<String> remembered = nonce(client, NONCE); // refused in Tomcat
    assertThat(remembered.statusCode()).isEqualTo(429);
    assertThat(earlyRefusals()).isEqualTo(early + 1);
    assertThat(remembered.body())
        .isEqualTo(counted.body())
        .contains("urn:credence:problem:rate-limited")
        .doesNotContain(client);
    assertThat(remembered.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    long retryAfter = Long.parseLong(remembered.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(counted.headers().allValues("Set-Cookie")).as("no session, no CSRF token").isEmpty();
    assertThat(remembered.headers().allValues("Set-Cookie")).isEmpty();

    // The same endpoint spelled with an encoded letter is the same limit, not a way around it.
    HttpResponse<String> encoded = nonce(client, "/api/v1/auth/%6eonce");
    assertThat(encoded.statusCode()).isEqualTo(429);
    assertThat(earlyRefusals()).isEqualTo(early + 2);
    assertThat(nonceRows() - nonces).as("no nonce for any refused request").isEqualTo(3);

    // Another client behind the same proxy is not limited by this one's refusals.
    assertThat(nonce("198.51.100.8", NONCE).statusCode()).isEqualTo(200);
  }

  @Test
  void anEncodedPathCountsAgainstTheLimitFromItsFirstRequest() throws Exception {
    jdbc.update("DELETE FROM rate_limit_counter WHERE bucket = 'nonce-per-client'");
    String client = "198.51.100.9";
    for (int i = 1; i <= 3; i++) {
      assertThat(nonce(client, "/api/v1/auth/%6eonce").statusCode()).isEqualTo(200);
    }
    assertThat(nonce(client, NONCE).statusCode()).isEqualTo(429);
  }

  /**
   * A refused POST's body is never read by the application; one that has fully arrived is dropped
   * so the connection serves the client's next request (pipelined here on one socket).
   */
  @Test
  void aRefusedPostWhoseBodyHasArrivedLeavesItsConnectionOpen() throws Exception {
    jdbc.update("DELETE FROM rate_limit_counter WHERE bucket = 'sign-in-per-client'");
    String client = "198.51.100.10";
    String body = "{\"message\":\"anything\",\"signature\":\"0x00\"}";
    String post =
        "POST /api/v1/auth/siwe HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: "
            + client
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length()
            + "\r\n";
    String close = "Connection: close\r\n\r\n" + body;
    // Allowed by the limit (then refused by the CSRF check), then refused by the shared counter.
    assertThat(raw(post + close)).startsWith("HTTP/1.1 403");
    assertThat(raw(post + close)).startsWith("HTTP/1.1 429");

    String both = raw(post + "\r\n" + body + post + close);
    assertThat(both.split("HTTP/1.1 429", -1))
        .as("two answers on one connection:%n%s", both)
        .hasSize(3);
  }

  /** Sends raw bytes on one connection; everything the server answers until it closes it. */
  private String raw(String requests) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(requests.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> nonce(String forwardedFor, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("X-Forwarded-For", forwardedFor)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long nonceRows() {
    return jdbc.queryForObject("SELECT count(*) FROM auth_nonce", Long.class);
  }

  private double earlyRefusals() {
    Counter counter = meters.find("credence.rate-limits.early-refusals").counter();
    return counter == null ? 0 : counter.count();
  }
}
