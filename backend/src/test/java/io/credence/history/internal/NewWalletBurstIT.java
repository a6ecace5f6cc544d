package io.credence.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst of first sign-ins, each linking a new wallet that queues a history sync. Found by the
 * sign-in load harness with the demo chains on: every {@code WalletLinked} listener (one virtual
 * thread each) held a pooled connection for its transaction and waited for a second one to schedule
 * the job, so forty at once took all ten connections and waited on each other until Hikari's 30 s
 * timeout — sign-ins failed with 500 and the syncs were never queued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewWalletBurstIT {

  static final long CHAIN = 31_477;
  static final int WALLETS = 40;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void chains(DynamicPropertyRegistry registry) {
    // Jobs never run in this context (run-jobs stays false): only the queueing is under test.
    registry.add("credence.chains[0].id", () -> CHAIN);
    registry.add("credence.chains[0].name", () -> "burst");
    registry.add("credence.chains[0].rpc-url", () -> "http://127.0.0.1:9");
    registry.add("credence.chains[0].confirmations", () -> 0);
    registry.add("credence.chains[0].max-block-range", () -> 1000);
    registry.add("credence.chains[0].markets[0].protocol", () -> "aave-v3");
    registry.add(
        "credence.chains[0].markets[0].address",
        () -> "0x000000000000000000000000000000000000dead");
    registry.add(
        "credence.chains[0].markets[0].oracle", () -> "0x000000000000000000000000000000000000beef");
  }

  /** Other classes run job schedulers on the same tables: leave them no jobs for this chain. */
  @AfterEach
  void dropTheQueuedJobs() {
    jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance LIKE ?", "%:" + CHAIN);
    jdbc.update("DELETE FROM history_sync WHERE chain_id = ?", CHAIN);
  }

  @Test
  void fortySimultaneousFirstSignInsAllSucceedAndEachQueuesOneSync() throws Exception {
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(WALLETS)) {
      for (int i = 0; i < WALLETS; i++) {
        statuses.add(
            clients.submit(() -> new ApiClient(port).signIn(TestWallets.Evm.random()).status()));
      }
    }
    List<Integer> answered = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      answered.add(status.get());
    }
    assertThat(answered).as("every first sign-in").containsOnly(200);

    // The listeners run after the sign-ins commit; wait (bounded) until all forty have queued.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    long queued = 0;
    long jobs = 0;
    while (Instant.now().isBefore(deadline)) {
      queued = count("SELECT count(*) FROM history_sync WHERE chain_id = ?", CHAIN);
      jobs = count("SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE ?", "%:" + CHAIN);
      if (queued == WALLETS && jobs == WALLETS) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(queued).as("history_sync rows, one per new borrower").isEqualTo(WALLETS);
    assertThat(jobs).as("sync jobs, one per new borrower").isEqualTo(WALLETS);
  }

  private long count(String sql, Object argument) {
    Long n = jdbc.queryForObject(sql, Long.class, argument);
    return n == null ? 0 : n;
  }
}
