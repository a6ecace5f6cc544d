package io.credence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load and abuse harness for sign-in (issue 9); not part of the default suite (its name does not
 * end in IT). It measures the server, not the machine: the packaged server ({@code
 * target/credence-backend.jar}, with its embedded PostgreSQL) runs in its own process pinned by
 * {@code taskset} to {@code harness.server-cpus} (default CPU 0), while this JVM, the load
 * generator, pins all its threads to {@code harness.generator-cpus} (default CPU 1) first:
 *
 * <pre>
 * ./mvnw -B -pl web,backend -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SignInLoadHarness -Dfailsafe.failIfNoSpecifiedTests=false \
 *     [-Dharness.configs=cache-off,cache-on] [-Dharness.pairs=3] [-Dharness.flood-rate=1000] \
 *     [-Dharness.attacker-addresses=4] [-Dharness.latency=true] [-Dharness.flood=post]
 * </pre>
 *
 * For each configuration (a fresh server each: {@code cache-on} is the production setting, {@code
 * early-off} refuses remembered clients in the rate-limit filter instead of in Tomcat ({@code
 * credence.rate-limits.early-refusal=false}, the session-3 server), {@code cache-off} sets {@code
 * credence.rate-limits.refusal-cache-size=0}, {@code drain-off} closes the connection of every
 * refused request with a body ({@code credence.rate-limits.drain-refused-bodies=false}), {@code
 * limits-off} switches the limits off) it runs {@code harness.pairs} back-to-back pairs of 20 s
 * phases: 10 real clients signing in alone, then the same 10 during a flood of failed sign-ins at a
 * fixed rate, so each ratio compares two neighbouring phases of the same server under the same
 * machine load.
 *
 * <p>It only ever talks to 127.0.0.1, and every phase is bounded in time ({@link #PHASE}) and count
 * (at most {@link #REAL_WALLETS} real sign-ins, at most {@code flood-rate} × 20 s flood attempts,
 * the rate at most {@link #MAX_FLOOD_RATE}/s). Real clients use pre-computed keys and ECDSA nonces
 * (signing is then a few modular multiplications), so the generator's own cost stays small. Every
 * real sign-in comes from a fresh client address ({@code X-Forwarded-For}; the harness's server
 * trusts 127.0.0.1 as its proxy), as browsers behind a load balancer; the flood comes from {@code
 * harness.attacker-addresses} addresses; with {@code harness.flood=post} each flood attempt is only
 * the {@code POST /api/v1/auth/siwe} (a forged sign-in of a real message's size, with no session),
 * so nearly every attempt is a refused request with a body. Results: console lines {@code [harness]
 * …} and {@code target/sign-in-load.txt}.
 */
class SignInLoadHarness {

  private static final Duration PHASE = Duration.ofSeconds(20);
  private static final int REAL_CLIENTS = 10;
  private static final Duration WARM_UP = Duration.ofSeconds(60);
  private static final Duration IDLE = Duration.ofSeconds(10);
  private static final int REAL_WALLETS = 5_000;
  private static final int MAX_FLOOD_RATE = 5_000;
  private static final int ATTACKER_THREADS = 100;
  private static final Path JAR = Path.of("target/credence-backend.jar").toAbsolutePath();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StringBuilder report = new StringBuilder();

  /** {@code harness.flood=post}: the flood posts forged sign-ins without fetching a nonce. */
  private static final boolean POST_ONLY_FLOOD =
      "post".equals(System.getProperty("harness.flood", "sign-in"));

  /** A forged sign-in the size of a real one (about 600 bytes). */
  private static final String POST_ONLY_BODY =
      "{\"message\":\""
          + SiweText.evm(
                  "http://127.0.0.1",
                  Keys.toChecksumAddress("0x" + "ab".repeat(20)),
                  "1",
                  "0123456789abcdef0123456789abcdef")
              .text()
              .replace("\n", "\\n")
          + "\",\"signature\":\"0x"
          + "11".repeat(65)
          + "\"}";

  @Test
  void run() throws Exception {
    assertThat(JAR).exists();
    String serverCpus = System.getProperty("harness.server-cpus", "0");
    String generatorCpus = System.getProperty("harness.generator-cpus", "1");
    // This JVM (every thread it has and will have) moves to the generator's CPUs.
    assertThat(
            new ProcessBuilder(
                    "taskset",
                    "-a",
                    "-p",
                    "-c",
                    generatorCpus,
                    Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor())
        .as("taskset")
        .isZero();
    List<String> configs =
        Arrays.asList(System.getProperty("harness.configs", "cache-off,cache-on").split(","));
    int pairs = Integer.getInteger("harness.pairs", 3);
    int floodRate = Math.min(MAX_FLOOD_RATE, Integer.getInteger("harness.flood-rate", 1000));
    int attackerAddresses = Integer.getInteger("harness.attacker-addresses", 4);
    boolean latency = Boolean.getBoolean("harness.latency");
    line(
        "load generator CPUs: "
            + allowedCpus(ProcessHandle.current().pid())
            + "; server CPUs: "
            + serverCpus
            + "; flood: "
            + floodRate
            + (POST_ONLY_FLOOD ? " POST-only" : "")
            + " attempts/s from "
            + attackerAddresses
            + " addresses, "
            + ATTACKER_THREADS
            + " threads; "
            + REAL_CLIENTS
            + " real clients; phases of "
            + PHASE.toSeconds()
            + " s");
    Signer.selfCheck();
    for (String config : configs) {
      try (Server server = Server.start(config.strip(), serverCpus)) {
        line(
            "== "
                + config.strip()
                + " (server pid "
                + server.pid()
                + ", CPUs "
                + server.cpus()
                + ")");
        Load load = new Load("http://127.0.0.1:" + server.port, server);
        load.warmUp(floodRate, attackerAddresses);
        if (latency) {
          load.latencyTable();
        }
        for (int pair = 1; pair <= pairs; pair++) {
          Phase alone = load.realSignIns(0, attackerAddresses);
          Phase flooded = load.realSignIns(floodRate, attackerAddresses);
          line(
              String.format(
                  Locale.ROOT,
                  "%s pair %d: alone %.1f/s, flooded %.1f/s -> %.1f%% kept; load %s",
                  config.strip(),
                  pair,
                  alone.throughput(),
                  flooded.throughput(),
                  100.0 * flooded.throughput() / alone.throughput(),
                  loadAverage()));
          // The same in server CPU time, which the machine's other load disturbs far less: what
          // the flood cost the server per attempt, and the share of its CPU a flood at the stated
          // rate takes away from real sign-ins when the server has its CPU to itself.
          Phase floodOnly = load.floodOnly(floodRate, attackerAddresses);
          Duration idle = load.idle();
          if (alone.latencies.size() > 0 && floodOnly.floodSent.get() > 0) {
            double signInCpu = alone.serverCpu.toNanos() / (double) alone.latencies.size();
            // Less what the server spends on its own (scheduled jobs) in as long, doing nothing.
            double floodCpu =
                (floodOnly.serverCpu.toNanos()
                        - idle.toNanos() * floodOnly.elapsedNanos / (double) IDLE.toNanos())
                    / floodOnly.floodSent.get();
            line(
                String.format(
                    Locale.ROOT,
                    "%s pair %d CPU: %.2f ms per real sign-in, %.3f ms per flood attempt ->"
                        + " a %d/s flood takes %.1f%% of one CPU: %.1f%% kept",
                    config.strip(),
                    pair,
                    signInCpu / 1e6,
                    floodCpu / 1e6,
                    floodRate,
                    floodRate * floodCpu / 1e7,
                    100.0 - floodRate * floodCpu / 1e7));
          }
        }
      }
    }
    Files.writeString(Path.of("target", "sign-in-load.txt"), report.toString());
  }

  /** The real clients and the flood against one running server. */
  private final class Load {
    private final String base;
    private final Server server;

    Load(String base, Server server) {
      assertThat(URI.create(base).getHost()).isEqualTo("127.0.0.1");
      this.base = base;
      this.server = server;
    }

    /** Real sign-ins during the flood for {@link #WARM_UP}, so both paths are compiled. */
    void warmUp(int floodRate, int attackerAddresses) throws Exception {
      Signer.Pool pool = Signer.Pool.generate(REAL_WALLETS);
      Phase warm =
          run(
              REAL_CLIENTS,
              WARM_UP,
              () -> signIn(pool),
              floodRate,
              attackerAddresses,
              Signer.Pool.generate(2_000));
      line(
          String.format(
              Locale.ROOT,
              "warm-up: %d sign-ins, %d flood attempts in %d s",
              warm.latencies.size(),
              warm.floodSent.get(),
              WARM_UP.toSeconds()));
      assertThat(warm.latencies).as("the server accepts the harness's sign-ins").isNotEmpty();
    }

    void latencyTable() throws Exception {
      for (int clients : List.of(10, 50)) {
        report("GET /api/v1/auth/nonce", clients, run(clients, PHASE, this::nonceOnly, 0, 4, null));
        Signer.Pool pool = Signer.Pool.generate(REAL_WALLETS);
        report("full sign-in", clients, run(clients, PHASE, () -> signIn(pool), 0, 4, null));
      }
    }

    Phase realSignIns(int floodRate, int attackerAddresses) throws Exception {
      Signer.Pool pool = Signer.Pool.generate(REAL_WALLETS);
      Signer.Pool forged = Signer.Pool.generate(floodRate == 0 ? 0 : 2_000);
      Phase phase =
          run(REAL_CLIENTS, PHASE, () -> signIn(pool), floodRate, attackerAddresses, forged);
      report(
          floodRate == 0 ? "real sign-ins, no flood" : "real sign-ins during the flood",
          REAL_CLIENTS,
          phase);
      if (floodRate > 0) {
        line(
            String.format(
                Locale.ROOT,
                "  flood: %.1f attempts/s achieved (%d sent), %d answered 429, %d refused"
                    + " otherwise, %d client errors",
                phase.floodSent.get() * 1e9 / phase.elapsedNanos,
                phase.floodSent.get(),
                phase.floodLimited.get(),
                phase.floodOther.get(),
                phase.floodErrors.get()));
      }
      return phase;
    }

    /** The server's CPU time over {@link #IDLE} without any request (its scheduled jobs). */
    Duration idle() throws InterruptedException {
      Duration before = server.cpu();
      Thread.sleep(IDLE);
      Duration used = server.cpu().minus(before);
      line(
          String.format(
              Locale.ROOT,
              "  idle: server CPU %.3f s in %d s",
              used.toMillis() / 1e3,
              IDLE.toSeconds()));
      return used;
    }

    /** The flood with no real client, 10 s: the server CPU time of one flood attempt. */
    Phase floodOnly(int floodRate, int attackerAddresses) throws Exception {
      Phase phase =
          run(
              0,
              Duration.ofSeconds(10),
              null,
              floodRate,
              attackerAddresses,
              Signer.Pool.generate(2_000));
      line(
          String.format(
              Locale.ROOT,
              "  flood alone: %.1f attempts/s (%d sent, %d answered 429), server CPU %.2f s"
                  + " (%.3f ms/attempt), load %s",
              phase.floodSent.get() * 1e9 / phase.elapsedNanos,
              phase.floodSent.get(),
              phase.floodLimited.get(),
              phase.serverCpu.toMillis() / 1e3,
              phase.serverCpu.toNanos() / 1e6 / Math.max(1, phase.floodSent.get()),
              loadAverage()));
      return phase;
    }

    private Phase run(
        int clients,
        Duration length,
        Action action,
        int floodRate,
        int attackerAddresses,
        Signer.Pool forged)
        throws Exception {
      Phase phase = new Phase();
      long start = System.nanoTime();
      long end = start + length.toNanos();
      int attackers = floodRate == 0 ? 0 : ATTACKER_THREADS;
      CountDownLatch done = new CountDownLatch(clients + attackers);
      Duration serverCpu0 = server.cpu();
      Duration ownCpu0 = cpu(ProcessHandle.current());
      for (int c = 0; c < clients; c++) {
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (System.nanoTime() < end) {
                      long t0 = System.nanoTime();
                      int status = action.call();
                      if (status == 200) {
                        phase.latencies.add(System.nanoTime() - t0);
                      } else if (status == 429) {
                        phase.limited.incrementAndGet();
                      } else if (status == EXHAUSTED) {
                        break;
                      } else {
                        phase.errors.incrementAndGet();
                      }
                    }
                  } catch (Exception e) {
                    phase.errors.incrementAndGet();
                  } finally {
                    done.countDown();
                  }
                });
      }
      // The flood: each attacker thread keeps its own schedule (floodRate / attackers per second)
      // and never bursts to catch up, so the rate is bounded; what it achieves is reported.
      long interval = attackers == 0 ? 0 : 1_000_000_000L * attackers / floodRate;
      for (int a = 0; a < attackers; a++) {
        int attacker = a;
        Thread.ofPlatform()
            .start(
                () -> {
                  long next = start + interval * attacker / attackers;
                  try {
                    while (true) {
                      long now = System.nanoTime();
                      if (next > now) {
                        TimeUnit.NANOSECONDS.sleep(next - now);
                      }
                      if (next >= end) {
                        break;
                      }
                      next = Math.max(next + interval, System.nanoTime());
                      int n = phase.floodSent.getAndIncrement() % attackerAddresses;
                      // 198.18.0.0/15: the range set aside for benchmarks
                      String from = "198.18." + (n >> 8 & 255) + "." + (n & 255);
                      try {
                        int status = attempt(from, forged);
                        (status == 429 ? phase.floodLimited : phase.floodOther).incrementAndGet();
                      } catch (InterruptedException e) {
                        throw e;
                      } catch (Exception e) {
                        phase.floodErrors.incrementAndGet();
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    done.countDown();
                  }
                });
      }
      done.await();
      phase.elapsedNanos = System.nanoTime() - start;
      phase.serverCpu = server.cpu().minus(serverCpu0);
      phase.ownCpu = cpu(ProcessHandle.current()).minus(ownCpu0);
      return phase;
    }

    private int nonceOnly() throws Exception {
      return http()
          .send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/nonce"))
                  .header("X-Forwarded-For", freshAddress())
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    }

    /** A real browser's sign-in: nonce (new session), sign, POST, from a fresh client address. */
    private int signIn(Signer.Pool pool) throws Exception {
      Signer.Wallet wallet = pool.next();
      if (wallet == null) {
        return EXHAUSTED;
      }
      return signInAs(http(), freshAddress(), wallet.address(), wallet::sign);
    }

    /**
     * One flood attempt: a sign-in claiming a random address, signed by another key (a pooled one
     * while they last, then web3j's signer), so the server must recover and compare.
     */
    private int attempt(String from, Signer.Pool forged) throws Exception {
      if (POST_ONLY_FLOOD) {
        return ATTACKERS
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/siwe"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", from)
                    .POST(HttpRequest.BodyPublishers.ofString(POST_ONLY_BODY))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode();
      }
      byte[] claimed = new byte[20];
      java.util.concurrent.ThreadLocalRandom.current().nextBytes(claimed);
      return signInAs(
          ATTACKERS,
          from,
          Keys.toChecksumAddress(HexFormat.of().formatHex(claimed)),
          message -> {
            Signer.Wallet signer = forged.next();
            return signer != null ? signer.sign(message) : FORGER.personalSign(message);
          });
    }

    private int signInAs(HttpClient http, String from, String claimedAddress, Signing signing)
        throws Exception {
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
      String message =
          SiweText.evm(
                  body.get("uri").asString(), claimedAddress, "1", body.get("nonce").asString())
              .withDomain(body.get("domain").asString())
              .text();
      String json =
          JSON.writeValueAsString(Map.of("message", message, "signature", signing.sign(message)));
      return http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/siwe"))
                  .header("Content-Type", "application/json")
                  .header("Cookie", "CREDENCE_SESSION=" + session + "; XSRF-TOKEN=" + csrf)
                  .header("X-XSRF-TOKEN", csrf)
                  .header("X-Forwarded-For", from)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    }
  }

  private static final int EXHAUSTED = -1;

  /** Signs for addresses it does not hold, once the pooled forgers are used up. */
  private static final TestWallets.Evm FORGER = TestWallets.Evm.random();

  interface Signing {
    String sign(String message);
  }

  interface Action {
    /** One request or flow; returns its status. */
    int call() throws Exception;
  }

  /** What one phase measured. */
  static final class Phase {
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger limited = new AtomicInteger();
    final AtomicInteger floodSent = new AtomicInteger();
    final AtomicInteger floodLimited = new AtomicInteger();
    final AtomicInteger floodOther = new AtomicInteger();
    final AtomicInteger floodErrors = new AtomicInteger();
    long elapsedNanos;
    Duration serverCpu = Duration.ZERO;
    Duration ownCpu = Duration.ZERO;

    double throughput() {
      return latencies.size() * 1e9 / elapsedNanos;
    }

    long percentile(double p) {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return sorted.isEmpty()
          ? 0
          : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
    }
  }

  /** One HTTP/1.1 client per harness thread, without a cookie jar: cookies are set per request. */
  private static final ThreadLocal<HttpClient> CLIENTS =
      ThreadLocal.withInitial(
          () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

  /** The attackers share one client (and its connection pool). */
  private static final HttpClient ATTACKERS =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpClient http() {
    return CLIENTS.get();
  }

  private static final AtomicInteger FRESH = new AtomicInteger();

  private static String freshAddress() {
    int n = 1_000 + FRESH.incrementAndGet();
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElse("");
  }

  /**
   * secp256k1 wallets whose ECDSA nonce point is computed in advance: signing a message is then a
   * hash and two modular multiplications. Each wallet signs once (a nonce is never reused).
   */
  static final class Signer {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    record Wallet(
        BigInteger secret, String address, BigInteger r, BigInteger kInverse, int yParity) {

      static Wallet create() {
        BigInteger d = scalar();
        ECPoint q = MULTIPLIER.multiply(CURVE.getG(), d).normalize();
        byte[] xy = new byte[64];
        System.arraycopy(q.getAffineXCoord().getEncoded(), 0, xy, 0, 32);
        System.arraycopy(q.getAffineYCoord().getEncoded(), 0, xy, 32, 32);
        byte[] hash = Hash.sha3(xy);
        String address = Keys.toChecksumAddress(HexFormat.of().formatHex(hash, 12, 32));
        BigInteger k = scalar();
        ECPoint kg = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
        BigInteger r = kg.getAffineXCoord().toBigInteger().mod(N);
        int parity = kg.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
        return new Wallet(d, address, r, k.modInverse(N), parity);
      }

      /** EIP-191 personal_sign, low-s, v = 27 + recovery id, as browser wallets send it. */
      String sign(String message) {
        BigInteger z =
            new BigInteger(
                1, Sign.getEthereumMessageHash(message.getBytes(StandardCharsets.UTF_8)));
        BigInteger s = kInverse.multiply(z.add(r.multiply(secret))).mod(N);
        int v = 27 + yParity;
        if (s.compareTo(HALF_N) > 0) {
          s = N.subtract(s);
          v = 27 + (1 - yParity);
        }
        byte[] out = new byte[65];
        System.arraycopy(fixed32(r), 0, out, 0, 32);
        System.arraycopy(fixed32(s), 0, out, 32, 32);
        out[64] = (byte) v;
        return "0x" + HexFormat.of().formatHex(out);
      }
    }

    /** Wallets made before a phase, handed out once each; null when used up. */
    record Pool(List<Wallet> wallets, AtomicInteger handedOut) {
      static Pool generate(int size) {
        List<Wallet> wallets = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          wallets.add(Wallet.create());
        }
        return new Pool(wallets, new AtomicInteger());
      }

      Wallet next() {
        int i = handedOut.getAndIncrement();
        return i < wallets.size() ? wallets.get(i) : null;
      }
    }

    /** The fast signer's signatures recover to its address with web3j (as the server checks). */
    static void selfCheck() throws Exception {
      Wallet wallet = Wallet.create();
      String message = "harness self-check " + Instant.now();
      byte[] sig = HexFormat.of().parseHex(wallet.sign(message).substring(2));
      BigInteger key =
          Sign.signedPrefixedMessageToKey(
              message.getBytes(StandardCharsets.UTF_8),
              new Sign.SignatureData(
                  sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64)));
      assertThat(Keys.toChecksumAddress(Keys.getAddress(key))).isEqualTo(wallet.address());
    }

    private static BigInteger scalar() {
      BigInteger k;
      do {
        k = new BigInteger(256, RANDOM);
      } while (k.signum() == 0 || k.compareTo(N) >= 0);
      return k;
    }

    private static byte[] fixed32(BigInteger value) {
      byte[] raw = value.toByteArray();
      byte[] out = new byte[32];
      int copy = Math.min(32, raw.length);
      System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
      return out;
    }
  }

  /** The packaged server in its own process, pinned to its CPUs, on a throw-away database. */
  static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final String folder;
    private ProcessHandle postgres;

    private Server(Process process, int port, Path log, String folder) {
      this.process = process;
      this.port = port;
      this.log = log;
      this.folder = folder;
    }

    static Server start(String config, String cpus) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path folder =
          Files.createDirectories(Path.of("target", "sign-in-load", config + "-" + port))
              .toAbsolutePath();
      List<String> command =
          new ArrayList<>(
              List.of(
                  "taskset",
                  "-c",
                  cpus,
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  JAR.toString(),
                  "--server.address=127.0.0.1",
                  "--server.port=" + port,
                  "--logging.level.root=warn",
                  // A throw-away database without fsync, as in the test suite (disk noise from the
                  // shared machine would otherwise dominate the latencies).
                  "--credence.embedded-db.ephemeral=true",
                  "--credence.embedded-db.durable=false",
                  "--credence.embedded-db.max-connections=100",
                  // sign-in only: no demo chains, so a new wallet queues no history sync
                  "--credence.demo.enabled=false"));
      switch (config) {
        case "cache-on" -> {}
        case "early-off" -> command.add("--credence.rate-limits.early-refusal=false");
        case "drain-off" -> command.add("--credence.rate-limits.drain-refused-bodies=false");
        case "cache-off" -> command.add("--credence.rate-limits.refusal-cache-size=0");
        case "limits-off" -> command.add("--credence.rate-limits.enabled=false");
        default -> throw new IllegalArgumentException("unknown harness config " + config);
      }
      Path log = folder.resolve("server.log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("CREDENCE_DATA_DIR", folder.resolve(".credence").toString());
      builder.environment().put("CREDENCE_TRUSTED_PROXIES", "127\\.0\\.0\\.1");
      Server server = new Server(builder.start(), port, log, folder.toString());
      try {
        server.awaitHealth();
      } catch (Exception | Error e) {
        server.close();
        throw e;
      }
      return server;
    }

    long pid() {
      return process.pid();
    }

    String cpus() throws IOException {
      return allowedCpus(process.pid());
    }

    /**
     * CPU time so far of the server JVM and of its PostgreSQL processes (the postmaster runs
     * detached from the JVM, found by its data folder, with the JVM's CPU affinity; its backends
     * are its children).
     */
    Duration cpu() {
      Duration total = cpu(process.toHandle());
      for (ProcessHandle child : process.descendants().toList()) {
        total = total.plus(cpu(child));
      }
      if (postgres == null) {
        postgres =
            ProcessHandle.allProcesses()
                .filter(
                    p ->
                        p.info().commandLine().orElse("").contains(folder)
                            && p.info().command().orElse("").endsWith("/postgres"))
                .filter(p -> p.parent().map(q -> q.pid() == 1 || !isPostgres(q)).orElse(true))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL for " + folder));
      }
      total = total.plus(cpu(postgres));
      for (ProcessHandle backend : postgres.descendants().toList()) {
        total = total.plus(cpu(backend));
      }
      return total;
    }

    private static boolean isPostgres(ProcessHandle p) {
      return p.info().command().orElse("").endsWith("/postgres");
    }

    private static Duration cpu(ProcessHandle handle) {
      return SignInLoadHarness.cpu(handle);
    }

    private void awaitHealth() throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("server exited:\n" + Files.readString(log));
        }
        try {
          HttpResponse<String> health =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("server not healthy in 4 minutes:\n" + Files.readString(log));
    }

    /** Stops the server, and its PostgreSQL if the server did not get to stop it. */
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
        if (postgres != null && postgres.isAlive()) {
          postgres.destroy();
          postgres.onExit().get(60, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("PostgreSQL of the harness's server did not stop", e);
      }
    }
  }

  private static Duration cpu(ProcessHandle handle) {
    return handle.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static String allowedCpus(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("Cpus_allowed_list:"))
        .map(l -> l.substring("Cpus_allowed_list:".length()).strip())
        .findFirst()
        .orElse("?");
  }

  private static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private void report(String what, int clients, Phase r) {
    line(
        String.format(
            Locale.ROOT,
            "%-32s clients=%3d ok=%6d 429=%5d errors=%4d  p50=%6.1f ms p95=%6.1f ms p99=%6.1f ms"
                + "  %7.1f/s  server CPU %5.2f s (%4.2f ms/ok) generator CPU %5.2f s  load %s",
            what,
            clients,
            r.latencies.size(),
            r.limited.get(),
            r.errors.get(),
            r.percentile(0.50) / 1e6,
            r.percentile(0.95) / 1e6,
            r.percentile(0.99) / 1e6,
            r.throughput(),
            r.serverCpu.toMillis() / 1e3,
            r.latencies.isEmpty() ? 0.0 : r.serverCpu.toMillis() / (double) r.latencies.size(),
            r.ownCpu.toMillis() / 1e3,
            loadAverage()));
  }

  private synchronized void line(String text) {
    System.out.println("[harness] " + text);
    report.append(text).append('\n');
  }
}
