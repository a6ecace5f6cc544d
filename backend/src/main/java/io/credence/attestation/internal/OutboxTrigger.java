package io.credence.attestation.internal;

/** Asks the outbox to look for due work now rather than at its next scheduled run. */
interface OutboxTrigger {
  void poke();
}
