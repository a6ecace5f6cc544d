package io.credence.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something that happened and must be on the record.
 *
 * @param type what happened, e.g. {@code SIGN_IN}
 * @param actor who did it (a profile id, a lender key id, {@code anonymous})
 * @param subject what it was done to (a wallet, an attestation uid …)
 * @param details further facts; never secrets, signatures or raw scores
 */
record AuditEvent(AuditEventType type, String actor, String subject, Map<String, String> details) {

  AuditEvent {
    Objects.requireNonNull(type, "type");
    details =
        details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
  }
}
