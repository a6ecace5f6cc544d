package io.credence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load and abuse harness (not part of the default suite: its name does not end in IT). It starts
 * the server in-process on 127.0.0.1 with embedded PostgreSQL and only ever talks to that address.
 * Every phase is bounded in time (PHASE) and in request count (MAX_REQUESTS).
 *
 * <pre>
 * ./mvnw -B -pl web,backend verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SignInLoadHarness [-Dcredence.rate-limits.enabled=false]
 * </pre>
 *
 * Clients are told apart by X-Forwarded-For (the harness's server trusts 127.0.0.1 as its proxy):
 * every real request or sign-in comes from a fresh address, as many browsers behind a real load
 * balancer do, while the flood comes from 4 attacker addresses. Results are printed and written to
 * {@code target/sign-in-load.txt}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1",
      // the production limits (the test configuration raises them for the functional suite)
      "credence.rate-limits.limits.nonce-per-client.requests=20",
      "credence.rate-limits.limits.sign-in-per-client.requests=20",
      "credence.rate-limits.limits.sign-in-per-wallet.requests=10",
      "logging.level.root=warn"
    })
class SignInLoadHarness {

  private static final Duration PHASE = Duration.ofSeconds(20);
  private static final int MAX_REQUESTS = 20_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  private final StringBuilder report = new StringBuilder();
  private final AtomicInteger floodLimited = new AtomicInteger();
  private final AtomicInteger floodOther = new AtomicInteger();

  @Test
  void run() throws Exception {
    String base = "http://127.0.0.1:" + port;
    assertThat(URI.create(base).getHost()).isEqualTo("127.0.0.1");
    line(
        "rate limits enabled: "
            + System.getProperty("credence.rate-limits.enabled", "true")
            + "; load average at start: "
            + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    warmUp(base);
    for (int clients : List.of(10, 50)) {
      report("GET /api/v1/auth/nonce", clients, run(clients, i -> nonceOnly(base, i)));
      report("full sign-in", clients, run(clients, i -> signIn(base, i, true)));
    }
    // Real sign-ins alone, then with a flood of failed sign-ins from a few attacker addresses.
    Result alone = run(10, i -> signIn(base, i, true));
    report("real sign-ins, no flood", 10, alone);
    Result flooded = runWithFlood(base, 10, 40);
    report("real sign-ins during a flood (40 attackers)", 10, flooded);
    line(
        String.format(
            Locale.ROOT,
            "flood: %.1f attempts/s, %d answered 429, %d refused otherwise (signature-mismatch)",
            (floodLimited.get() + floodOther.get()) * 1e9 / flooded.elapsedNanos(),
            floodLimited.get(),
            floodOther.get()));
    line(
        String.format(
            Locale.ROOT,
            "real sign-in throughput under flood: %.1f%% of unflooded",
            100.0 * flooded.throughput() / alone.throughput()));
    line(
        "load average at end: "
            + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Files.writeString(Path.of("target", "sign-in-load.txt"), report.toString());
  }

  interface Action {
    /** One request (or flow); returns its status. */
    int call(int client) throws Exception;
  }

  record Result(List<Long> latenciesNanos, long elapsedNanos, int errors, int limited) {
    double throughput() {
      return latenciesNanos.size() * 1e9 / elapsedNanos;
    }

    long percentile(double p) {
      List<Long> sorted = new ArrayList<>(latenciesNanos);
      Collections.sort(sorted);
      return sorted.isEmpty()
          ? 0
          : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
    }
  }

  private Result run(int clients, Action action) throws Exception {
    return runWithBackground(clients, action, 0, null);
  }

  private Result runWithFlood(String base, int clients, int attackers) throws Exception {
    return runWithBackground(
        clients, i -> signIn(base, i, true), attackers, i -> signIn(base, -1 - i % 4, false));
  }

  private Result runWithBackground(int clients, Action action, int background, Action noise)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    AtomicLong budget = new AtomicLong(MAX_REQUESTS);
    long end = System.nanoTime() + PHASE.toNanos();
    CountDownLatch done = new CountDownLatch(clients + background);
    long start = System.nanoTime();
    for (int c = 0; c < clients + background; c++) {
      int client = c;
      boolean measured = c < clients;
      Thread.ofPlatform()
          .start(
              () -> {
                try {
                  while (System.nanoTime() < end && budget.decrementAndGet() > 0) {
                    long t0 = System.nanoTime();
                    int status = measured ? action.call(client) : noise.call(client);
                    if (!measured) {
                      (status == 429 ? floodLimited : floodOther).incrementAndGet();
                      continue;
                    }
                    if (status == 200) {
                      latencies.add(System.nanoTime() - t0);
                    } else if (status == 429) {
                      limited.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                } finally {
                  done.countDown();
                }
              });
    }
    done.await();
    return new Result(
        new ArrayList<>(latencies), System.nanoTime() - start, errors.get(), limited.get());
  }

  private void warmUp(String base) throws Exception {
    for (int i = 0; i < 50; i++) {
      signIn(base, i, true);
    }
  }

  /** One client per harness thread, without a cookie jar: cookies are set per request. */
  private static final ThreadLocal<HttpClient> CLIENTS =
      ThreadLocal.withInitial(() -> HttpClient.newBuilder().build());

  private static final AtomicInteger FRESH = new AtomicInteger();

  /** Negative clients are the 4 attackers' fixed addresses; real requests get a fresh one. */
  private static String address(int client) {
    if (client < 0) {
      return "192.0.2." + -client;
    }
    int n = 1_000 + FRESH.incrementAndGet();
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  private static int nonceOnly(String base, int client) throws Exception {
    HttpResponse<String> response =
        CLIENTS
            .get()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/nonce"))
                    .header("X-Forwarded-For", address(client))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  /**
   * Nonce, sign, POST: one browser's sign-in with a fresh session (cookies carried by hand, so each
   * harness thread reuses one connection pool and client-side cost stays small).
   */
  private static int signIn(String base, int client, boolean validSignature) throws Exception {
    HttpClient http = CLIENTS.get();
    String from = address(client);
    HttpResponse<String> nonce =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/nonce"))
                .header("X-Forwarded-For", from)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (nonce.statusCode() != 200) {
      return nonce.statusCode();
    }
    JsonNode body = JSON.readTree(nonce.body());
    String session = cookie(nonce, "CREDENCE_SESSION");
    String csrf = cookie(nonce, "XSRF-TOKEN");
    TestWallets.Evm wallet = TestWallets.Evm.random();
    String message =
        SiweText.evm(
                body.get("uri").asString(), wallet.address(), "1", body.get("nonce").asString())
            .withDomain(body.get("domain").asString())
            .text();
    String signature = validSignature ? wallet.personalSign(message) : FORGER.personalSign(message);
    String json =
        JSON.writeValueAsString(java.util.Map.of("message", message, "signature", signature));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/siwe"))
                .header("Content-Type", "application/json")
                .header("Cookie", "CREDENCE_SESSION=" + session + "; XSRF-TOKEN=" + csrf)
                .header("X-XSRF-TOKEN", csrf)
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  /** Signs for addresses it does not hold: every flood sign-in is refused (signature-mismatch). */
  private static final TestWallets.Evm FORGER = TestWallets.Evm.random();

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElse("");
  }

  private void report(String what, int clients, Result r) {
    line(
        String.format(
            Locale.ROOT,
            "%-45s clients=%3d ok=%6d 429=%5d errors=%4d  p50=%6.1f ms p95=%6.1f ms p99=%6.1f ms  %7.1f/s",
            what,
            clients,
            r.latenciesNanos().size(),
            r.limited(),
            r.errors(),
            r.percentile(0.50) / 1e6,
            r.percentile(0.95) / 1e6,
            r.percentile(0.99) / 1e6,
            r.throughput()));
  }

  private void line(String text) {
    System.out.println("[harness] " + text);
    report.append(text).append('\n');
  }
}
