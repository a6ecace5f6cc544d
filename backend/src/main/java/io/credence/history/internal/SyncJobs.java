package io.credence.history.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.credence.auth.ChainFamily;
import io.credence.borrower.Borrowers;
import io.credence.borrower.ProfileId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Sync jobs on db-scheduler: one task instance per (borrower, chain), id {@code
 * <profileId>:<chainId>}, in PostgreSQL's {@code scheduled_tasks}. Every backend instance runs a
 * scheduler that polls that table and claims due executions with a row lock, so instances share the
 * work; a dead instance's executions are picked up again after its heartbeat stops. A chain that
 * fails is retried with exponential backoff (up to {@link #MAX_ATTEMPTS} runs) and reported in
 * {@code history_sync}; other chains' jobs are separate executions and are not held up.
 *
 * <p>A chain's job reads, per linked EVM wallet, every market ({@link MarketSync}) and the wallet
 * facts ({@link WalletFacts}); then, unless related wallets are disabled, the linked wallets'
 * transfers of the tracked tokens ({@link TransferSync}) and the markets of their largest
 * counterparties ({@link RelatedWallets}), which do not count in the progress the borrower sees.
 */
@Component
public class SyncJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SyncJobs.class);
  static final int MAX_ATTEMPTS = 6;

  private final ChainsProperties chains;
  private final Borrowers borrowers;
  private final MarketSync markets;
  private final WalletFacts facts;
  private final TransferSync transfers;
  private final RelatedWallets related;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final OneTimeTask<Void> task;
  private final Scheduler scheduler;
  private final String instanceName;
  private final boolean runJobs;
  private final ConcurrentHashMap<Long, ChainReader> readers = new ConcurrentHashMap<>();

  SyncJobs(
      ChainsProperties chains,
      Borrowers borrowers,
      MarketSync markets,
      WalletFacts facts,
      TransferSync transfers,
      RelatedWallets related,
      JdbcClient jdbc,
      DataSource dataSource,
      HistoryProperties properties,
      Clock clock) {
    this.chains = chains;
    this.borrowers = borrowers;
    this.markets = markets;
    this.facts = facts;
    this.transfers = transfers;
    this.related = related;
    this.jdbc = jdbc;
    this.clock = clock;
    this.task =
        Tasks.oneTime("history-sync")
            .onFailure(
                new FailureHandler.MaxRetriesFailureHandler<>(
                    MAX_ATTEMPTS - 1,
                    new FailureHandler.ExponentialBackoffFailureHandler<>(
                        properties.retryBackoff(), 2.0)))
            .execute((instance, context) -> run(instance.getId()));
    this.runJobs = properties.runJobs();
    this.instanceName =
        properties.instanceName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.scheduler =
        // Transaction-aware (db-scheduler's documented Spring integration): request() schedules on
        // the connection of the caller's transaction, so the history_sync row and its job commit
        // together, and a caller never holds one pooled connection while waiting for a second.
        // (With a plain DataSource, a burst of WalletLinked listeners — unbounded on virtual
        // threads — each held one and waited for another until the pool timed out.)
        Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
            .threads(properties.workerThreads())
            .pollingInterval(properties.pollingInterval())
            .heartbeatInterval(properties.heartbeatInterval())
            .shutdownMaxWait(properties.shutdownMaxWait())
            .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(instanceName))
            .build();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (runJobs) {
      scheduler.start();
    }
  }

  @Override
  public void destroy() {
    scheduler.stop();
  }

  /** Starts polling (done by the application once it is ready). */
  void startNow() {
    scheduler.start();
  }

  /**
   * Queues a sync of every configured chain for the profile; a chain already queued stays once. One
   * transaction: the row lock of the upsert orders concurrent requests for the same profile, so the
   * second finds the first's job instead of racing it to the insert.
   */
  @Transactional
  public void request(ProfileId profile) {
    for (ChainsProperties.Chain chain : chains.chains()) {
      jdbc.sql(
              """
              INSERT INTO history_sync (profile_id, chain_id, state, requested_at)
              VALUES (?, ?, 'QUEUED', ?)
              ON CONFLICT (profile_id, chain_id) DO UPDATE
                SET state = CASE WHEN history_sync.state = 'RUNNING' THEN 'RUNNING' ELSE 'QUEUED' END,
                    requested_at = EXCLUDED.requested_at
              """)
          .params(profile.value(), chain.id(), Timestamp.from(clock.instant()))
          .update();
      scheduler.scheduleIfNotExists(task.instance(profile + ":" + chain.id()), clock.instant());
    }
  }

  /** Progress per configured chain (chains never requested are left out). */
  public List<io.credence.history.ChainSyncState> progress(ProfileId profile) {
    return jdbc.sql(
            "SELECT chain_id, state, blocks_scanned, events_read, runs, last_error, requested_at,"
                + " finished_at FROM history_sync WHERE profile_id = ? ORDER BY chain_id")
        .param(profile.value())
        .query(
            (rs, n) -> {
              long chainId = rs.getLong(1);
              Timestamp finished = rs.getTimestamp(8);
              return new io.credence.history.ChainSyncState(
                  chainId,
                  chains.chain(chainId).map(ChainsProperties.Chain::name).orElse("evm-" + chainId),
                  rs.getString(2).toLowerCase(Locale.ROOT),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getInt(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  finished == null ? null : finished.toInstant());
            })
        .list();
  }

  private void run(String instanceId) {
    int colon = instanceId.lastIndexOf(':');
    ProfileId profile = new ProfileId(UUID.fromString(instanceId.substring(0, colon)));
    long chainId = Long.parseLong(instanceId.substring(colon + 1));
    var configured = chains.chain(chainId);
    if (configured.isEmpty()) {
      // An instance with another configuration (e.g. mid-deployment) took the job: report it and
      // let db-scheduler retry it, on any instance.
      fail(profile, chainId, "chain " + chainId + " is not configured on " + instanceName);
      throw new IllegalStateException("chain " + chainId + " not configured");
    }
    ChainsProperties.Chain chain = configured.get();
    jdbc.sql(
            "UPDATE history_sync SET state = 'RUNNING', runs = runs + 1, last_instance = ?,"
                + " started_at = ? WHERE profile_id = ? AND chain_id = ?")
        .params(instanceName, Timestamp.from(clock.instant()), profile.value(), chainId)
        .update();
    try {
      ChainReader reader = readers.computeIfAbsent(chainId, id -> reader(chain));
      MarketSync.Outcome total = MarketSync.Outcome.NONE;
      List<String> linked =
          borrowers.wallets(profile).stream()
              .filter(w -> w.family() == ChainFamily.EVM) // Solana is not read (docs/history.md)
              .map(w -> w.address().toLowerCase(Locale.ROOT))
              .distinct()
              .toList();
      for (String wallet : linked) {
        for (ChainsProperties.Market market : chain.markets()) {
          total = total.plus(markets.sync(reader, chain, market, wallet));
        }
        facts.refresh(reader, wallet, Math.max(0, reader.headBlock() - chain.confirmations()));
      }
      if (related.enabled() && !linked.isEmpty()) {
        // Related wallets (docs/history.md): not part of the progress the borrower sees.
        List<TransferSync.TrackedToken> tokens =
            transfers.tokens(
                reader, chain, Math.max(0, reader.headBlock() - chain.confirmations()));
        for (String wallet : linked) {
          transfers.sync(reader, chain, wallet, tokens);
        }
        related.readCounterparties(reader, chain, linked);
      }
      jdbc.sql(
              "UPDATE history_sync SET state = 'DONE', blocks_scanned = ?, events_read = ?,"
                  + " last_error = NULL, finished_at = ? WHERE profile_id = ? AND chain_id = ?")
          .params(
              total.blocksScanned(),
              total.eventsRead(),
              Timestamp.from(clock.instant()),
              profile.value(),
              chainId)
          .update();
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      fail(profile, chainId, message);
      log.warn("history sync of chain {} failed: {}", chainId, message);
      throw e; // db-scheduler retries with backoff
    }
  }

  private void fail(ProfileId profile, long chainId, String message) {
    jdbc.sql(
            "UPDATE history_sync SET state = 'FAILED', last_error = ?, finished_at = ? WHERE"
                + " profile_id = ? AND chain_id = ?")
        .params(
            message.length() > 500 ? message.substring(0, 500) : message,
            Timestamp.from(clock.instant()),
            profile.value(),
            chainId)
        .update();
  }

  private static ChainReader reader(ChainsProperties.Chain chain) {
    return new ChainReader(Web3j.build(new HttpService(chain.rpcUrl())), chain.id());
  }
}
