package io.credence.attestation.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.credence.attestation.AttestationEvents;
import io.credence.attestation.AttestationUid;
import io.credence.attestations.Bytes32;
import io.credence.attestations.CredentialFormatException;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.RegistryClient;
import io.credence.attestations.RegistryException;
import io.credence.attestations.SignedRevocation;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The mint and revocation outbox (docs/architecture.md, "Issuance"). A recurring db-scheduler task
 * runs on one instance at a time; each run handles every chain in parallel. Per chain it claims due
 * rows with a lease ({@code claimed_by}, {@code claimed_until}) in a short transaction, then talks
 * to the chain with no transaction open:
 *
 * <ol>
 *   <li>revocations first (a revoked attestation is never minted), relayed with the issuer's
 *       signed, portable revocation;
 *   <li>mints: a row already minted on chain (by us, earlier, or by the recipient) is done; a row
 *       whose recorded transaction the node still holds waits for it; the rest are sent, several in
 *       one {@code mintBatch}. Every signed transaction's hash is written to its rows (guarded by
 *       the claim) <em>before</em> it is broadcast, so a restart finds it and waits for it instead
 *       of sending another, and an instance that lost its claim sends nothing.
 * </ol>
 *
 * A mint counts once its receipt has the chain's confirmations. {@code AlreadyMinted} is success;
 * refusals that cannot change (consent, signature, proof, expiry, revoked) fail the row; anything
 * else is retried with exponential backoff.
 */
public class MintOutbox implements OutboxTrigger {

  private static final Logger log = LoggerFactory.getLogger(MintOutbox.class);

  static final Set<RegistryException.Reason> PERMANENT =
      EnumSet.of(
          RegistryException.Reason.INVALID_CONSENT,
          RegistryException.Reason.CONSENT_REQUIRED,
          RegistryException.Reason.INVALID_ISSUER_SIGNATURE,
          RegistryException.Reason.ATTESTATION_EXPIRED,
          RegistryException.Reason.ATTESTATION_REVOKED,
          RegistryException.Reason.PROOF_HASH_MISMATCH,
          RegistryException.Reason.INVALID_PROOF,
          RegistryException.Reason.INVALID_STATEMENT,
          RegistryException.Reason.VALIDITY_TOO_LONG,
          RegistryException.Reason.TIMESTAMP_OUT_OF_RANGE,
          RegistryException.Reason.ISSUER_SUSPENDED);

  /** The outbox's own db-scheduler table (Flyway V22); history's sync jobs use another. */
  static final String TABLE = "attestation_scheduled_tasks";

  private final AttestationChains chains;
  private final ChainGateway gateway;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AttestationProperties.Outbox config;
  private final String instanceName;
  private final RecurringTask<Void> task;
  private final Scheduler scheduler;

  MintOutbox(
      AttestationChains chains,
      ChainGateway gateway,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock,
      AttestationProperties.Outbox config,
      DataSource dataSource,
      String instanceName,
      RecurringTask<Void> extraTask) {
    this.chains = chains;
    this.gateway = gateway;
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
    this.config = config;
    this.instanceName = instanceName + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.task =
        Tasks.recurring("attestation-outbox", FixedDelay.of(config.every()))
            .execute((instance, context) -> runOnce());
    this.scheduler =
        Scheduler.create(dataSource)
            .tableName(TABLE)
            .startTasks(extraTask == null ? List.of(task) : List.of(task, extraTask))
            .threads(2)
            .pollingInterval(config.pollingInterval())
            .heartbeatInterval(Duration.ofSeconds(2))
            .shutdownMaxWait(Duration.ofSeconds(5))
            .schedulerName(new SchedulerName.Fixed(this.instanceName))
            .build();
  }

  ChainGateway gateway() {
    return gateway;
  }

  String instanceName() {
    return instanceName;
  }

  void start() {
    scheduler.start();
  }

  void stop() {
    scheduler.stop();
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public void poke() {
    if (gateway == null) {
      return;
    }
    try {
      scheduler.reschedule(task.instance(RecurringTask.INSTANCE), clock.instant());
    } catch (RuntimeException busy) {
      // Running or picked right now: its next run (a fixed delay away) finds the new work.
    }
  }

  /** One pass over every chain, in parallel; one chain's outage does not hold up another. */
  public void runOnce() {
    if (gateway == null) {
      return;
    }
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (AttestationChains.Chain chain : chains.withRegistry()) {
        pool.submit(
            () -> {
              try {
                runChain(chain);
              } catch (RuntimeException e) {
                log.warn("attestation outbox on chain {}: {}", chain.id(), e.toString());
              }
            });
      }
    }
  }

  /** A claimed row. */
  record Row(
      AttestationUid uid,
      String mintState,
      String mintTxHash,
      Long mintBlock,
      String revokeState,
      String revokeTxHash,
      int attempts,
      byte[] consent) {}

  void runChain(AttestationChains.Chain chain) {
    List<Row> rows = claim(chain);
    if (rows.isEmpty()) {
      return;
    }
    try {
      List<Row> mints = new ArrayList<>();
      for (Row row : rows) {
        if (!"NONE".equals(row.revokeState())) {
          if (Set.of("PENDING", "SUBMITTED").contains(row.revokeState())) {
            relay(chain, row);
          }
        } else if (Set.of("PENDING", "SUBMITTED").contains(row.mintState())) {
          mints.add(row);
        }
      }
      List<Row> toSend = new ArrayList<>();
      for (Row row : mints) {
        if (reconcile(chain, row)) {
          toSend.add(row);
        }
      }
      for (int i = 0; i < toSend.size(); i += config.batchSize()) {
        send(chain, toSend.subList(i, Math.min(toSend.size(), i + config.batchSize())));
      }
    } finally {
      release(chain, rows);
    }
  }

  private List<Row> claim(AttestationChains.Chain chain) {
    Instant now = clock.instant();
    return tx.execute(
        status ->
            jdbc.sql(
                    """
                    UPDATE attestation_chain SET claimed_by = ?, claimed_until = ?
                    WHERE (uid, chain_id) IN (
                      SELECT uid, chain_id FROM attestation_chain
                      WHERE chain_id = ?
                        AND (mint_state IN ('PENDING', 'SUBMITTED')
                             OR revoke_state IN ('PENDING', 'SUBMITTED'))
                        AND next_attempt_at <= ?
                        AND (claimed_until IS NULL OR claimed_until < ?)
                      ORDER BY next_attempt_at LIMIT 64
                      FOR UPDATE SKIP LOCKED)
                    RETURNING uid, mint_state, mint_tx_hash, mint_block, revoke_state,
                      revoke_tx_hash, attempts, consent_signature
                    """)
                .params(
                    instanceName,
                    Timestamp.from(now.plus(config.lease())),
                    chain.id(),
                    Timestamp.from(now),
                    Timestamp.from(now))
                .query(
                    (rs, n) -> {
                      long block = rs.getLong(4);
                      Long mintBlock = rs.wasNull() ? null : block;
                      return new Row(
                          AttestationUid.of(rs.getBytes(1)),
                          rs.getString(2),
                          rs.getString(3),
                          mintBlock,
                          rs.getString(5),
                          rs.getString(6),
                          rs.getInt(7),
                          rs.getBytes(8));
                    })
                .list());
  }

  private void release(AttestationChains.Chain chain, List<Row> rows) {
    for (Row row : rows) {
      jdbc.sql(
              "UPDATE attestation_chain SET claimed_by = NULL, claimed_until = NULL"
                  + " WHERE uid = ? AND chain_id = ? AND claimed_by = ?")
          .params(row.uid().bytes(), chain.id(), instanceName)
          .update();
    }
  }

  /** Writes the hash to the rows if they are still ours; otherwise refuses (nothing is sent). */
  private ChainGateway.Journal journal(
      AttestationChains.Chain chain, List<Row> rows, boolean revocation) {
    return new ChainGateway.Journal() {
      @Override
      public void record(String hash) {
        Instant now = clock.instant();
        int updated = 0;
        for (Row row : rows) {
          updated +=
              jdbc.sql(
                      revocation
                          ? "UPDATE attestation_chain SET revoke_state = 'SUBMITTED',"
                              + " revoke_tx_hash = ? WHERE uid = ? AND chain_id = ?"
                              + " AND claimed_by = ? AND claimed_until > ?"
                          : "UPDATE attestation_chain SET mint_state = 'SUBMITTED',"
                              + " mint_tx_hash = ?, mint_block = NULL WHERE uid = ?"
                              + " AND chain_id = ? AND claimed_by = ? AND claimed_until > ?")
                  .params(hash, row.uid().bytes(), chain.id(), instanceName, Timestamp.from(now))
                  .update();
        }
        if (updated != rows.size()) {
          throw new IllegalStateException("outbox rows are no longer claimed by " + instanceName);
        }
      }

      @Override
      public void refused(String hash) {
        for (Row row : rows) {
          jdbc.sql(
                  revocation
                      ? "UPDATE attestation_chain SET revoke_state = 'PENDING',"
                          + " revoke_tx_hash = NULL WHERE uid = ? AND chain_id = ?"
                          + " AND revoke_tx_hash = ?"
                      : "UPDATE attestation_chain SET mint_state = 'PENDING', mint_tx_hash = NULL"
                          + " WHERE uid = ? AND chain_id = ? AND mint_tx_hash = ?")
              .params(row.uid().bytes(), chain.id(), hash)
              .update();
        }
      }
    };
  }

  /** Settles a mint row from chain state; true if it must be (re)sent. */
  private boolean reconcile(AttestationChains.Chain chain, Row row) {
    try {
      if ("SUBMITTED".equals(row.mintState()) && row.mintTxHash() != null) {
        Optional<TransactionReceipt> receipt = gateway.receipt(chain, row.mintTxHash());
        if (receipt.isPresent() && receipt.get().isStatusOK()) {
          return !settleMinted(chain, row, row.mintTxHash(), receipt.get());
        }
        if (receipt.isEmpty() && gateway.known(chain, row.mintTxHash())) {
          retryLater(chain, row, "waiting for the receipt", false);
          return false;
        }
      }
      if (gateway.reader(chain).getAttestation(Bytes32.parse(row.uid().toString())).isPresent()) {
        minted(chain, row, row.mintTxHash(), row.mintBlock() == null ? -1 : row.mintBlock());
        return false;
      }
      return true;
    } catch (IOException | RegistryException | RuntimeException e) {
      retryLater(chain, row, message(e), true);
      return false;
    }
  }

  /**
   * A mined, successful transaction: the row is minted when the attestation is on chain and the
   * receipt has its confirmations. Returns false when it must be sent again (not minted by it).
   */
  private boolean settleMinted(
      AttestationChains.Chain chain, Row row, String txHash, TransactionReceipt receipt)
      throws IOException, RegistryException {
    long block = receipt.getBlockNumber().longValueExact();
    if (gateway.reader(chain).getAttestation(Bytes32.parse(row.uid().toString())).isEmpty()) {
      return false;
    }
    if (gateway.head(chain) < block + chain.confirmationsOrZero()) {
      jdbc.sql(
              "UPDATE attestation_chain SET mint_block = ?, next_attempt_at = ?"
                  + " WHERE uid = ? AND chain_id = ? AND claimed_by = ?")
          .params(
              block,
              Timestamp.from(clock.instant().plusSeconds(1)),
              row.uid().bytes(),
              chain.id(),
              instanceName)
          .update();
      return true;
    }
    minted(chain, row, txHash, block);
    return true;
  }

  private void send(AttestationChains.Chain chain, List<Row> rows) {
    List<CredentialPackage> packages = new ArrayList<>();
    for (Row row : rows) {
      packages.add(credential(row.uid()));
    }
    try {
      RegistryClient registry = gateway.registry(chain, journal(chain, rows, false));
      if (rows.size() == 1) {
        RegistryClient.MintReceipt r =
            registry.mintWithConsent(packages.get(0), rows.get(0).consent());
        settleOrWait(chain, rows.get(0), r.receipt());
      } else {
        List<RegistryClient.MintRequest> requests = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          requests.add(new RegistryClient.MintRequest(packages.get(i), rows.get(i).consent()));
        }
        RegistryClient.BatchReceipt batch = registry.mintBatch(requests);
        for (int i = 0; i < rows.size(); i++) {
          var item = batch.items().get(i);
          if (item.minted()) {
            settleOrWait(chain, rows.get(i), batch.receipt());
          } else {
            refused(chain, rows.get(i), item.failure().orElseThrow());
          }
        }
      }
    } catch (RegistryException e) {
      for (Row row : rows) {
        refused(chain, row, e);
      }
    } catch (IOException | RuntimeException e) {
      for (Row row : rows) {
        retryLater(chain, row, message(e), true);
      }
    }
  }

  private void settleOrWait(AttestationChains.Chain chain, Row row, TransactionReceipt receipt) {
    try {
      String hash = receipt.getTransactionHash();
      if (!settleMinted(chain, row, hash, receipt)) {
        retryLater(chain, row, "the transaction did not mint it", true);
      } else if (gateway.head(chain)
          < receipt.getBlockNumber().longValueExact() + chain.confirmationsOrZero()) {
        retryLater(chain, row, "waiting for confirmations", false);
      }
    } catch (IOException | RegistryException | RuntimeException e) {
      retryLater(chain, row, message(e), false);
    }
  }

  private void refused(AttestationChains.Chain chain, Row row, RegistryException e) {
    if (e.reason() == RegistryException.Reason.ALREADY_MINTED) {
      reconcile(
          chain,
          new Row(row.uid(), "PENDING", null, null, "NONE", null, row.attempts(), row.consent()));
    } else if (PERMANENT.contains(e.reason())) {
      failed(chain, row, e.reason().name());
    } else {
      retryLater(chain, row, message(e), true);
    }
  }

  private void minted(AttestationChains.Chain chain, Row row, String txHash, long block) {
    tx.executeWithoutResult(
        status -> {
          int n =
              jdbc.sql(
                      "UPDATE attestation_chain SET mint_state = 'MINTED', mint_tx_hash = ?,"
                          + " mint_block = ?, last_error = NULL"
                          + " WHERE uid = ? AND chain_id = ? AND mint_state <> 'MINTED'")
                  .params(txHash, block < 0 ? null : block, row.uid().bytes(), chain.id())
                  .update();
          if (n == 1) {
            events.publishEvent(new AttestationEvents.Minted(row.uid(), chain.id(), txHash, block));
          }
        });
  }

  private void failed(AttestationChains.Chain chain, Row row, String reason) {
    tx.executeWithoutResult(
        status -> {
          int n =
              jdbc.sql(
                      "UPDATE attestation_chain SET mint_state = 'FAILED', last_error = ?"
                          + " WHERE uid = ? AND chain_id = ? AND claimed_by = ?")
                  .params(reason, row.uid().bytes(), chain.id(), instanceName)
                  .update();
          if (n == 1) {
            events.publishEvent(new AttestationEvents.MintFailed(row.uid(), chain.id(), reason));
          }
        });
  }

  private void retryLater(AttestationChains.Chain chain, Row row, String error, boolean attempt) {
    int attempts = row.attempts() + (attempt ? 1 : 0);
    if (attempt && attempts >= config.maxAttempts() && "NONE".equals(row.revokeState())) {
      failed(chain, row, "gave up after " + attempts + " attempts: " + error);
      return;
    }
    Duration delay =
        attempt ? backoff(attempts) : Duration.ofMillis(Math.min(1000, config.every().toMillis()));
    jdbc.sql(
            "UPDATE attestation_chain SET attempts = ?, next_attempt_at = ?, last_error = ?"
                + " WHERE uid = ? AND chain_id = ? AND claimed_by = ?")
        .params(
            attempts,
            Timestamp.from(clock.instant().plus(delay)),
            error.length() > 500 ? error.substring(0, 500) : error,
            row.uid().bytes(),
            chain.id(),
            instanceName)
        .update();
  }

  Duration backoff(int attempts) {
    long ms = config.retryBackoff().toMillis() << Math.min(20, Math.max(0, attempts - 1));
    return Duration.ofMillis(Math.min(ms, Duration.ofMinutes(10).toMillis()));
  }

  private void relay(AttestationChains.Chain chain, Row row) {
    try {
      var stored =
          jdbc.sql("SELECT revocation_signature, package FROM attestation WHERE uid = ?")
              .param(row.uid().bytes())
              .query(
                  (rs, n) -> {
                    try {
                      return new SignedRevocation(
                          Bytes32.parse(row.uid().toString()),
                          CredentialPackage.fromJson(rs.getString(2)).attestation().issuer(),
                          rs.getBytes(1));
                    } catch (CredentialFormatException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .single();
      RegistryClient registry = gateway.registry(chain, journal(chain, List.of(row), true));
      if ("SUBMITTED".equals(row.revokeState()) && row.revokeTxHash() != null) {
        Optional<TransactionReceipt> receipt = gateway.receipt(chain, row.revokeTxHash());
        if (receipt.isEmpty() && gateway.known(chain, row.revokeTxHash())) {
          retryLater(chain, row, "waiting for the revocation's receipt", false);
          return;
        }
      }
      if (registry.isRevokedBy(stored.uid(), stored.signer())) {
        relayed(chain, row, row.revokeTxHash());
        return;
      }
      Optional<TransactionReceipt> receipt = registry.relay(stored);
      relayed(chain, row, receipt.map(TransactionReceipt::getTransactionHash).orElse(null));
    } catch (IOException | RegistryException | RuntimeException e) {
      retryLater(chain, row, message(e), true);
    }
  }

  private void relayed(AttestationChains.Chain chain, Row row, String txHash) {
    tx.executeWithoutResult(
        status -> {
          int n =
              jdbc.sql(
                      "UPDATE attestation_chain SET revoke_state = 'DONE', revoke_tx_hash = ?,"
                          + " last_error = NULL WHERE uid = ? AND chain_id = ?"
                          + " AND revoke_state <> 'DONE'")
                  .params(txHash, row.uid().bytes(), chain.id())
                  .update();
          if (n == 1) {
            events.publishEvent(
                new AttestationEvents.RevocationRelayed(row.uid(), chain.id(), txHash));
          }
        });
  }

  private CredentialPackage credential(AttestationUid uid) {
    String json =
        jdbc.sql("SELECT package FROM attestation WHERE uid = ?")
            .param(uid.bytes())
            .query(String.class)
            .single();
    try {
      return CredentialPackage.fromJson(json);
    } catch (CredentialFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 500 ? m.substring(0, 500) : m;
  }
}
