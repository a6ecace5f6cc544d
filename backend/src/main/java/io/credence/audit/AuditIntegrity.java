package io.credence.audit;

import io.credence.audit.internal.AuditAnchors;
import io.credence.audit.internal.AuditAnchors.AnchorMismatch;
import io.credence.audit.internal.AuditAnchors.Checkpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The audit log's integrity now, for compliance officers (issue 11): the hash chain recomputed end
 * to end and, when anchoring is configured, the database compared with the newest signed checkpoint
 * on-chain (docs/operations.md, "Audit anchoring").
 */
@Service
public class AuditIntegrity {

  private final AuditLog log;
  private final AuditAnchors anchors;
  private final Clock clock;

  AuditIntegrity(AuditLog log, AuditAnchors anchors, Clock clock) {
    this.log = log;
    this.anchors = anchors;
    this.clock = clock;
  }

  /** Verifies the chain and the anchors now (reads the whole log and the anchor chain's logs). */
  public Report check() {
    Instant at = clock.instant();
    ChainVerification chain = log.verifyChain();
    return new Report(at, chain, anchoring());
  }

  private Anchoring anchoring() {
    if (!anchors.enabled()) {
      return new Anchoring(AnchorState.DISABLED, null, null, null, null, null, null);
    }
    String contract = anchors.contract().orElse(null);
    String key = anchors.signerAddress().orElse(null);
    if (contract == null) {
      return new Anchoring(
          AnchorState.UNREADABLE, null, key, null, null, null, "no anchor contract yet");
    }
    try {
      Optional<Checkpoint> latest = anchors.latest();
      if (latest.isEmpty()) {
        return new Anchoring(AnchorState.NONE_YET, contract, key, null, null, null, null);
      }
      Optional<AnchorMismatch> mismatch = anchors.verifyAgainstLatest();
      String hash = "0x" + HexFormat.of().formatHex(latest.get().hash());
      return mismatch
          .map(
              m ->
                  new Anchoring(
                      AnchorState.MISMATCH,
                      contract,
                      key,
                      m.anchoredSeq(),
                      hash,
                      m.firstBrokenSeq(),
                      m.problem()))
          .orElseGet(
              () ->
                  new Anchoring(
                      AnchorState.CONSISTENT, contract, key, latest.get().seq(), hash, null, null));
    } catch (RuntimeException e) {
      return new Anchoring(
          AnchorState.UNREADABLE, contract, key, null, null, null, "anchors unreadable");
    }
  }

  /** What the comparison with the anchors found. */
  public enum AnchorState {
    /** Anchoring is not configured: the chain is only as trustworthy as the database. */
    DISABLED,
    /** Configured, but no checkpoint has been anchored yet. */
    NONE_YET,
    /** The newest checkpoint matches the database. */
    CONSISTENT,
    /** The database disagrees with the newest checkpoint: truncated or rewritten. */
    MISMATCH,
    /** The anchor chain could not be read. */
    UNREADABLE
  }

  /**
   * @param contract the anchor contract
   * @param auditKey the address of the key that signs checkpoints
   * @param anchoredSeq the newest anchored entry
   * @param anchoredHash its anchored hash
   * @param firstBrokenSeq on a mismatch, the first entry found wrong or missing
   * @param problem on a mismatch or unreadable anchors, what is wrong
   */
  public record Anchoring(
      AnchorState state,
      String contract,
      String auditKey,
      Long anchoredSeq,
      String anchoredHash,
      Long firstBrokenSeq,
      String problem) {}

  /**
   * @param checkedAt when the check ran
   * @param chain the recomputed hash chain
   * @param anchoring the comparison with the newest anchor
   */
  public record Report(Instant checkedAt, ChainVerification chain, Anchoring anchoring) {

    /** The chain is intact and no anchor contradicts it. */
    public boolean intact() {
      return chain.intact()
          && anchoring.state() != AnchorState.MISMATCH
          && anchoring.state() != AnchorState.UNREADABLE;
    }
  }
}
