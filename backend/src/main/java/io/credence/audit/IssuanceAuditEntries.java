package io.credence.audit;

import io.credence.attestation.AttestationEvents;
import io.credence.scoring.ScoreComputed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 11: audit entries for scores, attestations, consents, mints and revocations. Each carries
 * the ids that let an officer follow one credential from history to mint (profile → score run and
 * model → attestation uid → chain transactions) — never the score, the opening or a wallet.
 * Synchronous listeners: each entry commits with the change that published it.
 */
@Component
class IssuanceAuditEntries {

  private final AuditLog log;

  IssuanceAuditEntries(AuditLog log) {
    this.log = log;
  }

  @EventListener
  void on(ScoreComputed event) {
    log.append(
        new AuditEvent(
            AuditEventType.SCORE_COMPUTED,
            event.profile().toString(),
            "score:" + event.scoreId(),
            Map.of(
                "modelId",
                event.modelId(),
                "outcome",
                event.scored() ? "scored" : "insufficient")));
  }

  @EventListener
  void on(AttestationEvents.Issued event) {
    log.append(
        new AuditEvent(
            AuditEventType.ATTESTATION_ISSUED,
            event.profile().toString(),
            "attestation:" + event.uid(),
            Map.of(
                "scoreId", event.scoreId().toString(),
                "modelId", event.modelId(),
                "statement", event.statementKind(),
                "proof", "range-proof/bulletproofs",
                "chainIds",
                    String.join(",", event.chainIds().stream().map(String::valueOf).toList()))));
  }

  @EventListener
  void on(AttestationEvents.Consented event) {
    log.append(
        new AuditEvent(
            AuditEventType.ATTESTATION_CONSENTED,
            event.profile().toString(),
            "attestation:" + event.uid(),
            Map.of("chainId", Long.toString(event.chainId()))));
  }

  @EventListener
  void on(AttestationEvents.Minted event) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("chainId", Long.toString(event.chainId()));
    if (event.txHash() != null) {
      details.put("txHash", event.txHash());
    }
    if (event.block() >= 0) {
      details.put("block", Long.toString(event.block()));
    }
    log.append(
        new AuditEvent(
            AuditEventType.ATTESTATION_MINTED, "outbox", "attestation:" + event.uid(), details));
  }

  @EventListener
  void on(AttestationEvents.MintFailed event) {
    log.append(
        new AuditEvent(
            AuditEventType.ATTESTATION_MINT_FAILED,
            "outbox",
            "attestation:" + event.uid(),
            Map.of("chainId", Long.toString(event.chainId()), "reason", event.reason())));
  }

  @EventListener
  void on(AttestationEvents.Revoked event) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("reason", event.reason().name());
    if (event.supersededBy() != null) {
      details.put("supersededBy", event.supersededBy().toString());
    }
    log.append(
        new AuditEvent(
            AuditEventType.ATTESTATION_REVOKED,
            event.profile().toString(),
            "attestation:" + event.uid(),
            details));
  }

  @EventListener
  void on(AttestationEvents.RevocationRelayed event) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("chainId", Long.toString(event.chainId()));
    if (event.txHash() != null) {
      details.put("txHash", event.txHash());
    }
    log.append(
        new AuditEvent(
            AuditEventType.REVOCATION_RELAYED, "outbox", "attestation:" + event.uid(), details));
  }
}
