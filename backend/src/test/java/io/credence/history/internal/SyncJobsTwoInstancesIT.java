package io.credence.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.credence.borrower.Borrowers;
import io.credence.borrower.ProfileId;
import io.credence.support.AnvilNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two scheduler instances on one PostgreSQL share 200 sync jobs; the second one dies midway (its
 * database connections are cut and its workers interrupted, so it can neither finish nor report its
 * jobs) and the first one finishes everything: no job is lost, and only the jobs cut off by the
 * kill run again.
 */
// Closed after the class, so its job scheduler stops taking jobs once its tests are done.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest
class SyncJobsTwoInstancesIT {

  static final long CHAIN = 31_403;
  static DemoMarketsOnAnvil markets;

  static synchronized DemoMarketsOnAnvil markets() {
    if (markets == null) {
      try {
        markets = DemoMarketsOnAnvil.deploy(AnvilNode.chain(CHAIN));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return markets;
  }

  @DynamicPropertySource
  static void chains(DynamicPropertyRegistry registry) {
    registry.add("credence.chains[0].id", () -> CHAIN);
    registry.add("credence.chains[0].name", () -> "anvil-jobs");
    registry.add("credence.chains[0].rpc-url", () -> markets().node.rpcUrl());
    registry.add("credence.chains[0].confirmations", () -> 0);
    registry.add("credence.chains[0].max-block-range", () -> 1000);
    registry.add("credence.chains[0].markets[0].protocol", () -> "aave-v3");
    registry.add(
        "credence.chains[0].markets[0].address", () -> markets().pool.getContractAddress());
    registry.add(
        "credence.chains[0].markets[0].oracle", () -> markets().oracle.getContractAddress());
    registry.add("credence.chains[0].markets[1].protocol", () -> "compound-v3");
    registry.add(
        "credence.chains[0].markets[1].address", () -> markets().comet.getContractAddress());
    registry.add("credence.history.instance-name", () -> "instance-a");
    registry.add("credence.history.run-jobs", () -> true);
    registry.add("credence.history.polling-interval", () -> "100ms");
    registry.add("credence.history.heartbeat-interval", () -> "1s");
    registry.add("credence.history.retry-backoff", () -> "1s");
  }

  @Autowired SyncJobs instanceA;
  @Autowired ChainsProperties chains;
  @Autowired Borrowers borrowers;
  @Autowired MarketSync marketSync;
  @Autowired WalletFacts walletFacts;
  @Autowired TransferSync transferSync;
  @Autowired RelatedWallets relatedWallets;
  @Autowired JdbcClient jdbcClient;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired Clock clock;

  @Test
  void twoInstancesProcess200JobsEachOnceAndAKilledInstanceLosesNone() throws Exception {
    HikariConfig config = new HikariConfig();
    HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
    config.setJdbcUrl(shared.getJdbcUrl());
    config.setUsername(shared.getUsername());
    config.setPassword(shared.getPassword());
    config.setMaximumPoolSize(6);
    HikariDataSource instanceBDatabase = new HikariDataSource(config);
    SyncJobs instanceB =
        new SyncJobs(
            chains,
            borrowers,
            marketSync,
            walletFacts,
            transferSync,
            relatedWallets,
            jdbcClient,
            instanceBDatabase,
            new HistoryProperties(
                "instance-b",
                4,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                true,
                Duration.ZERO),
            clock);
    instanceB.startNow();

    List<ProfileId> profiles = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ProfileId profile = ProfileId.random();
      jdbc.update(
          "INSERT INTO borrower_profile (id, created_at) VALUES (?, ?)",
          profile.value(),
          Timestamp.from(Instant.now()));
      jdbc.update(
          "INSERT INTO wallet_link (id, profile_id, chain_family, chain_id, address, linked_at)"
              + " VALUES (?, ?, 'evm', '1', ?, ?)",
          UUID.randomUUID(),
          profile.value(),
          "0x" + String.format("%040x", 0xabc000L + i),
          Timestamp.from(Instant.now()));
      profiles.add(profile);
    }
    for (ProfileId profile : profiles) {
      instanceA.request(profile);
    }

    awaitDone(50);
    instanceBDatabase.close(); // instance B dies: no more claims, heartbeats or completions
    try {
      instanceB.destroy(); // interrupts its workers
    } catch (RuntimeException onItsClosedDatabase) {
      // a dead instance cannot clean up after itself; that is the point
    }

    awaitDone(200);
    // Jobs instance B finished but could not mark complete stay picked by it until its heartbeat is
    // seen to have stopped; then instance A takes them over, runs them again and removes them.
    awaitNoExecutionLeftBehind();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM history_sync WHERE chain_id = ? AND state = 'DONE'",
                Integer.class,
                CHAIN))
        .isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE ?",
                Integer.class,
                "%:" + CHAIN))
        .as("no execution left behind")
        .isZero();
    Integer rerun =
        jdbc.queryForObject(
            "SELECT count(*) FROM history_sync WHERE chain_id = ? AND runs > 1",
            Integer.class,
            CHAIN);
    assertThat(rerun).as("only jobs cut off by the kill ran again").isLessThanOrEqualTo(4);
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT split_part(last_instance, '-', 2) FROM history_sync WHERE"
                    + " chain_id = ?",
                String.class,
                CHAIN))
        .as("both instances ran jobs")
        .containsExactlyInAnyOrder("a", "b");
  }

  private void awaitNoExecutionLeftBehind() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      Integer left =
          jdbc.queryForObject(
              "SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE ?",
              Integer.class,
              "%:" + CHAIN);
      if (left != null && left == 0) {
        return;
      }
      Thread.sleep(200);
    }
  }

  private void awaitDone(int atLeast) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      Integer done =
          jdbc.queryForObject(
              "SELECT count(*) FROM history_sync WHERE chain_id = ? AND state = 'DONE'",
              Integer.class,
              CHAIN);
      if (done != null && done >= atLeast) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + atLeast + " jobs done in time");
  }
}
