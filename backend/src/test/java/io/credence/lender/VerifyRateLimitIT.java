package io.credence.lender;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public verification is limited per client address before anything runs: over the limit, a {@code
 * 429} with {@code Retry-After}, and nothing verified or recorded. (Own context: a limit of three
 * requests would break every other test of the suite.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "credence.rate-limits.limits.verify-per-client.requests=3")
class VerifyRateLimitIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void theFourthVerificationInAMinuteIsRefusedAndRecordsNothing() {
    // Counters live in the database every test context shares: start this window from zero.
    jdbc.sql("DELETE FROM rate_limit_counter WHERE bucket = 'verify-per-client'").update();
    ApiClient client = new ApiClient(port);
    Map<String, Object> malformed = Map.of("package", Map.of("version", 1));
    for (int i = 0; i < 3; i++) {
      assertThat(client.postWithoutCsrf("/api/v1/verify", malformed).status()).isEqualTo(400);
    }
    long audit = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();

    ApiClient.Response limited = client.postWithoutCsrf("/api/v1/verify", malformed);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.problemType()).isEqualTo("urn:credence:problem:rate-limited");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
        .isEqualTo(audit);
  }
}
