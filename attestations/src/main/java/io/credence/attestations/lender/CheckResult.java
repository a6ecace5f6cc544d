package io.credence.attestations.lender;

import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param detail human-readable, public data only (never the opening)
 */
public record CheckResult(Check check, Outcome outcome, String detail) {

  /** PASS and FAIL decide validity; SKIPPED means the policy did not ask for the check. */
  public enum Outcome {
    PASS,
    FAIL,
    SKIPPED
  }

  public CheckResult {
    Objects.requireNonNull(check);
    Objects.requireNonNull(outcome);
    Objects.requireNonNull(detail);
  }

  static CheckResult pass(Check c, String detail) {
    return new CheckResult(c, Outcome.PASS, detail);
  }

  static CheckResult fail(Check c, String detail) {
    return new CheckResult(c, Outcome.FAIL, detail);
  }

  static CheckResult skipped(Check c, String detail) {
    return new CheckResult(c, Outcome.SKIPPED, detail);
  }
}
