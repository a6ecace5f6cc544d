package io.credence.history.internal;

import io.credence.auth.ChainFamily;
import io.credence.borrower.BorrowerEvents.WalletLinked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A newly linked EVM wallet queues a sync of its borrower on every configured chain. The listener
 * runs after the link commits; Spring Modulith's JDBC registry keeps the publication until it
 * succeeds.
 */
@Component
class WalletLinkedSync {

  private final SyncJobs jobs;

  WalletLinkedSync(SyncJobs jobs) {
    this.jobs = jobs;
  }

  @ApplicationModuleListener
  void on(WalletLinked linked) {
    if (linked.family() == ChainFamily.EVM) {
      jobs.request(linked.profileId());
    }
  }
}
