package io.credence.attestation.internal;

import io.credence.borrower.ProfileId;
import io.credence.scoring.ScoreComputed;
import io.credence.scoring.ScoreRun;
import io.credence.scoring.Scores;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps attestations true: every new score run is checked against the borrower's live attestations
 * (those it makes false are revoked), and a recurring job re-scores borrowers with live
 * attestations whose history changed since their last score (a newly synced liquidation).
 */
@Component
class Revalidation {

  private static final Logger log = LoggerFactory.getLogger(Revalidation.class);

  private final Scores scores;
  private final Issuance issuance;
  private final AttestationStore store;
  private final MintOutbox outbox;
  private final AttestationProperties properties;
  private final Clock clock;

  Revalidation(
      Scores scores,
      Issuance issuance,
      AttestationStore store,
      MintOutbox outbox,
      AttestationProperties properties,
      Clock clock) {
    this.scores = scores;
    this.issuance = issuance;
    this.store = store;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (properties.outbox().runJobs()) {
      outbox.start();
    }
  }

  @ApplicationModuleListener
  void on(ScoreComputed event) {
    if (event.scored()) {
      scores
          .find(event.scoreId())
          .filter(ScoreRun.Scored.class::isInstance)
          .map(ScoreRun.Scored.class::cast)
          .ifPresent(run -> issuance.revokeUnsatisfied(event.profile(), run));
    }
  }

  /** Re-scores borrowers with live attestations whose history changed since their last score. */
  void run() {
    for (ProfileId profile : store.profilesWithLiveAttestations(clock.instant())) {
      try {
        scores
            .rescoreIfHistoryChanged(profile)
            .filter(ScoreRun.Scored.class::isInstance)
            .map(ScoreRun.Scored.class::cast)
            .ifPresent(run -> issuance.revokeUnsatisfied(profile, run));
      } catch (RuntimeException e) {
        log.warn("re-validating a borrower's attestations failed: {}", e.toString());
      }
    }
  }
}
