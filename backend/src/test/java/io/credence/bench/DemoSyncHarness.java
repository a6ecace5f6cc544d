package io.credence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import io.credence.support.DemoNetwork;
import io.credence.support.TestWallets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Demo harness (not part of the default suite: its name does not end in IT): the time the demo
 * network takes to start, deploy and seed in memory, and for each demo account 1–6 the time from a
 * first sign-in to "sync done" on both demo chains (the sign-in links the wallet, which queues the
 * sync by itself), with the job engine's production settings (2 s polling).
 *
 * <pre>
 * ./mvnw -B -pl backend -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=DemoSyncHarness -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Results are printed and written to {@code target/demo-sync.txt}; docs/benchmarks.md, "history
 * (demo)".
 */
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"logging.level.root=warn", "credence.history.polling-interval=2s"})
class DemoSyncHarness {

  @LocalServerPort int port;

  private final StringBuilder report = new StringBuilder();

  @DynamicPropertySource
  static void demoChains(DynamicPropertyRegistry registry) {
    DemoNetwork.shared().registerProperties(registry);
    registry.add("credence.history.run-jobs", () -> true);
  }

  @Test
  void run() throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    line(
        String.format(
            Locale.ROOT,
            "load average at start: %.2f; demo network start, deploy and seed (in memory): %d ms",
            os.getSystemLoadAverage(),
            DemoNetwork.shared().startTime().toMillis()));
    line("account | sign-in | sign-in to sync done (wall) | JVM CPU meanwhile | events | blocks");
    for (int account = 1; account <= 6; account++) {
      ApiClient client = new ApiClient(port);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      assertThat(client.signIn(new TestWallets.Evm(DemoNetwork.account(account).getEcKeyPair())))
          .extracting(ApiClient.Response::status)
          .isEqualTo(200);
      long signedIn = System.nanoTime();
      JsonNode chains = awaitDone(client);
      long done = System.nanoTime();
      long cpu = os.getProcessCpuTime() - cpu0;
      long events = 0;
      long blocks = 0;
      for (JsonNode c : chains) {
        events += c.get("eventsRead").asLong();
        blocks += c.get("blocksScanned").asLong();
      }
      line(
          String.format(
              Locale.ROOT,
              "%d | %d ms | %d ms | %d ms | %d | %d",
              account,
              (signedIn - t0) / 1_000_000,
              (done - signedIn) / 1_000_000,
              cpu / 1_000_000,
              events,
              blocks));
    }
    line(String.format(Locale.ROOT, "load average at end: %.2f", os.getSystemLoadAverage()));
    Files.writeString(Path.of("target", "demo-sync.txt"), report);
  }

  private static JsonNode awaitDone(ApiClient client) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      JsonNode chains = client.get("/api/v1/sync").body().get("chains");
      boolean done = chains.size() == 2;
      for (JsonNode c : chains) {
        done &= c.get("state").asString().equals("done");
      }
      if (done) {
        return chains;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("sync not done within 3 minutes");
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
