package io.credence.audit;

import io.credence.borrower.BorrowerEvents.ProfileCreated;
import io.credence.borrower.BorrowerEvents.SignInRefused;
import io.credence.borrower.BorrowerEvents.SignedIn;
import io.credence.borrower.BorrowerEvents.SignedOutEverywhere;
import io.credence.borrower.BorrowerEvents.WalletLinkRefused;
import io.credence.borrower.BorrowerEvents.WalletLinked;
import io.credence.borrower.BorrowerEvents.WalletUnlinked;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into audit entries. Changes are recorded by synchronous listeners
 * inside the publishing transaction, so an entry commits if and only if its change does. Refusals
 * arrive after the refused request rolled back and are recorded in a transaction of their own.
 */
@Component
class AuditRecorder {

  private static final String ANONYMOUS = "anonymous";

  private final AuditLog log;
  private final FailedSignIns failedSignIns;

  AuditRecorder(AuditLog log, FailedSignIns failedSignIns) {
    this.log = log;
    this.failedSignIns = failedSignIns;
  }

  @EventListener
  void on(ProfileCreated event) {
    String profile = event.profileId().toString();
    log.append(new AuditEvent(AuditEventType.PROFILE_CREATED, profile, profile, Map.of()));
  }

  @EventListener
  void on(SignedIn event) {
    log.append(
        new AuditEvent(
            AuditEventType.SIGN_IN,
            event.profileId().toString(),
            event.family().code() + ":" + event.address(),
            Map.of("chainId", event.chainId())));
  }

  @EventListener
  void on(WalletLinked event) {
    log.append(
        new AuditEvent(
            AuditEventType.WALLET_LINKED,
            event.profileId().toString(),
            event.family().code() + ":" + event.address(),
            Map.of("chainId", event.chainId(), "linkId", event.linkId().toString())));
  }

  @EventListener
  void on(WalletUnlinked event) {
    log.append(
        new AuditEvent(
            AuditEventType.WALLET_UNLINKED,
            event.profileId().toString(),
            event.family().code() + ":" + event.address(),
            Map.of("chainId", event.chainId(), "linkId", event.linkId().toString())));
  }

  /**
   * The first failed sign-in of a client in a minute is recorded at once, with the client's
   * address; the rest of that minute are counted and recorded as one entry afterwards ({@link
   * FailedSignIns}), so a flood cannot flood the log.
   */
  @EventListener
  void on(SignInRefused event) {
    String client = event.client() == null ? "unknown" : event.client();
    if (failedSignIns.countAndIsFirst(client)) {
      log.appendIndependently(
          new AuditEvent(
              AuditEventType.SIGN_IN_FAILED,
              ANONYMOUS,
              null,
              Map.of("reason", event.reason(), "client", client)));
    }
  }

  @EventListener
  void on(SignedOutEverywhere event) {
    String profile = event.profileId().toString();
    log.append(
        new AuditEvent(
            AuditEventType.SIGNED_OUT_EVERYWHERE,
            profile,
            profile,
            Map.of("sessionsEnded", Integer.toString(event.sessionsEnded()))));
  }

  @EventListener
  void on(WalletLinkRefused event) {
    log.appendIndependently(
        new AuditEvent(
            AuditEventType.WALLET_LINK_FAILED,
            event.profileId().toString(),
            null,
            Map.of("reason", event.reason())));
  }
}
