package io.credence.audit;

import io.credence.lender.LenderEvents.CredentialVerified;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audit entries of the lender module (issue 11): one per verification, in the transaction that
 * publishes it. The entry names the attestation (subject {@code attestation:<uid>}, as the issuance
 * entries do) and the verdict, never the score.
 *
 * <p>It lives in the module's root package, beside {@link AuditRecorder}, because appending is
 * package-private to it: no other module, and no class outside this package, can write the log.
 */
@Component
class LenderAuditEntries {

  private final AuditLog log;

  LenderAuditEntries(AuditLog log) {
    this.log = log;
  }

  @EventListener
  void on(CredentialVerified event) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("verificationId", event.verificationId().toString());
    details.put("uid", event.attestationUid());
    details.put("valid", Boolean.toString(event.valid()));
    details.put("failed", String.join(",", event.failedChecks()));
    if (event.chainId() != null) {
      details.put("chainId", event.chainId().toString());
    }
    log.append(
        new AuditEvent(
            AuditEventType.CREDENTIAL_VERIFIED,
            event.lender() == null ? "anonymous" : "lender:" + event.lender(),
            "attestation:" + event.attestationUid(),
            details));
  }
}
