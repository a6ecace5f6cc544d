package io.credence.lender;

import java.util.List;
import java.util.UUID;

/** What the lender module tells other modules (the audit log records each). */
public final class LenderEvents {

  private LenderEvents() {}

  /**
   * A credential package was verified through {@code POST /api/v1/verify}. Published inside the
   * transaction that stores it in the lender's history (if signed in), so its audit entry commits
   * with it. Holds only public facts: never the package, the score or a wallet of the borrower.
   *
   * @param verificationId the stored verification (also for anonymous callers, who cannot list it)
   * @param attestationUid the credential's uid, 0x-prefixed hex
   * @param valid the verdict
   * @param failedChecks the labels of the checks that failed, in check order
   * @param chainId the chain whose registry the policy asked for, or null
   * @param lender the signed-in lender's wallet address, or null for an anonymous caller
   */
  public record CredentialVerified(
      UUID verificationId,
      String attestationUid,
      boolean valid,
      List<String> failedChecks,
      Long chainId,
      String lender) {
    public CredentialVerified {
      failedChecks = List.copyOf(failedChecks);
    }
  }
}
