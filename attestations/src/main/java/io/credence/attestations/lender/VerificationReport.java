package io.credence.attestations.lender;

import io.credence.attestations.Bytes32;
import java.util.List;
import java.util.Optional;

/**
 * Every check run on a credential package, in {@link Check} order. Valid only if no check failed.
 */
public record VerificationReport(Bytes32 uid, List<CheckResult> checks) {

  public VerificationReport {
    checks = List.copyOf(checks);
  }

  /** True when no check failed (skipped checks were not requested by the policy). */
  public boolean valid() {
    return checks.stream().noneMatch(c -> c.outcome() == CheckResult.Outcome.FAIL);
  }

  public Optional<CheckResult> result(Check check) {
    return checks.stream().filter(c -> c.check() == check).findFirst();
  }

  /** The failed checks, empty when valid. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.outcome() == CheckResult.Outcome.FAIL).toList();
  }
}
