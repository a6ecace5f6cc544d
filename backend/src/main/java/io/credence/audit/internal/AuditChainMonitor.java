package io.credence.audit.internal;

import io.credence.audit.AuditLog;
import io.credence.audit.ChainVerification;
import io.credence.audit.internal.AuditAnchors.AnchorMismatch;
import io.credence.audit.internal.AuditAnchors.Checkpoint;
import io.credence.audit.internal.AuditAnchors.CheckpointAnchored;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain end to end at start-up and on a schedule ({@code
 * credence.audit.verify-interval}, default 10 minutes). The result is the {@code auditChain} health
 * component (DOWN when broken), the gauges {@code credence.audit.chain.intact} (1/0) and {@code
 * credence.audit.chain.entries}, and an ERROR log line naming the first broken entry. With
 * anchoring on, it also compares the database with the newest on-chain checkpoint, then and each
 * time this instance anchors one; the health details say which entry was anchored last and whether
 * it matched ({@code latestAnchor}).
 */
@Component("auditChain")
public class AuditChainMonitor implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);

  private final AuditLog audit;
  private final AuditAnchors anchors;
  private final AtomicReference<ChainVerification> last = new AtomicReference<>();
  private final AtomicReference<Optional<AnchorMismatch>> lastAnchorCheck =
      new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<Checkpoint>> lastAnchor =
      new AtomicReference<>(Optional.empty());
  private final AtomicReference<String> anchorError = new AtomicReference<>();

  AuditChainMonitor(AuditLog audit, AuditAnchors anchors, ObjectProvider<MeterRegistry> meters) {
    this.audit = audit;
    this.anchors = anchors;
    meters.ifAvailable(
        registry -> {
          Gauge.builder("credence.audit.chain.intact", this, m -> m.intactValue())
              .description("1 when the last verification found the audit chain intact, else 0")
              .register(registry);
          Gauge.builder("credence.audit.chain.entries", this, m -> m.entriesValue())
              .description("entries checked by the last audit chain verification")
              .register(registry);
        });
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE) // after the anchor contract is connected
  void atStartUp() {
    verify();
  }

  /** Walks the chain now; logs an error naming the first broken entry. */
  @Scheduled(
      fixedDelayString = "${credence.audit.verify-interval:PT10M}",
      initialDelayString = "${credence.audit.verify-interval:PT10M}")
  public ChainVerification verify() {
    ChainVerification result = audit.verifyChain();
    last.set(result);
    if (!result.intact()) {
      log.error(
          "Audit chain broken at entry {}: {} ({} entries verified before it)",
          result.firstBrokenSeq().getAsLong(),
          result.problem(),
          result.entriesChecked());
    }
    verifyAnchors();
    return result;
  }

  /** A checkpoint was just anchored: compare it (read back from the chain) at once. */
  @EventListener
  void anchored(CheckpointAnchored event) {
    verifyAnchors();
  }

  /** Compares the database with the newest on-chain checkpoint; logs an error on a mismatch. */
  private synchronized void verifyAnchors() {
    if (!anchors.enabled() || anchors.contract().isEmpty()) {
      return;
    }
    try {
      Optional<Checkpoint> latest = anchors.latest();
      Optional<AnchorMismatch> mismatch = latest.flatMap(anchors::compare);
      lastAnchor.set(latest);
      lastAnchorCheck.set(mismatch);
      anchorError.set(null);
      mismatch.ifPresent(
          m ->
              log.error(
                  "Audit chain broken at entry {} against the anchor of entry {}: {}",
                  m.firstBrokenSeq(),
                  m.anchoredSeq(),
                  m.problem()));
    } catch (RuntimeException e) {
      anchorError.set(e.getMessage());
      log.warn("Could not read the audit anchors: {}", e.getMessage());
    }
  }

  /** The result of the last comparison with the newest on-chain anchor. */
  public Optional<AnchorMismatch> lastAnchorCheck() {
    return lastAnchorCheck.get();
  }

  @Override
  public Health health() {
    ChainVerification result = last.get();
    if (result == null) {
      return Health.unknown().withDetail("chain", "not verified yet").build();
    }
    Optional<AnchorMismatch> mismatch = lastAnchorCheck.get();
    Health.Builder health;
    if (!result.intact()) {
      health =
          Health.down()
              .withDetail("firstBrokenEntry", result.firstBrokenSeq().getAsLong())
              .withDetail("problem", result.problem());
    } else if (mismatch.isPresent()) {
      health =
          Health.down()
              .withDetail("firstBrokenEntry", mismatch.get().firstBrokenSeq())
              .withDetail("problem", mismatch.get().problem());
    } else {
      health = Health.up().withDetail("entries", result.entriesChecked());
    }
    if (!anchors.enabled()) {
      health.withDetail("anchoring", "disabled (credence.audit.anchor.rpc-url not set)");
    } else if (anchorError.get() != null) {
      health.withDetail("anchoring", "anchors unreadable: " + anchorError.get());
    } else {
      health.withDetail(
          "anchoring",
          "enabled, chain "
              + anchors.chainId().orElseThrow()
              + ", contract "
              + anchors.contract().orElse("?")
              + ", audit key "
              + anchors.signerAddress().orElseThrow());
      health.withDetail(
          "latestAnchor",
          lastAnchor
              .get()
              .map(
                  cp ->
                      "entry "
                          + cp.seq()
                          + (mismatch.isPresent() ? ": does not match the database" : ": verified"))
              .orElse("none yet"));
    }
    return health.build();
  }

  private double intactValue() {
    ChainVerification result = last.get();
    return result != null && result.intact() && lastAnchorCheck.get().isEmpty() ? 1 : 0;
  }

  private double entriesValue() {
    ChainVerification result = last.get();
    return result == null ? 0 : result.entriesChecked();
  }
}
