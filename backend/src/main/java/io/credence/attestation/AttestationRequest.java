package io.credence.attestation;

import java.util.List;

/**
 * What a borrower asks for.
 *
 * @param statement {@code band} (the band their score lies in) or {@code threshold} with a minimum
 * @param recipient the presentation address (any address the borrower controls)
 * @param chainIds chains to mint on (each must have a registry configured)
 * @param validForDays validity, 1 to the registry's maximum (30 days)
 */
public record AttestationRequest(
    RequestedStatement statement, String recipient, List<Long> chainIds, int validForDays) {

  public AttestationRequest {
    chainIds = chainIds == null ? List.of() : List.copyOf(chainIds);
  }

  /** A statement as requested: the band's bounds are the server's choice (the score's band). */
  public sealed interface RequestedStatement {}

  /** "My score lies in its band." */
  public record Band() implements RequestedStatement {}

  /** "My score is at least {@code min}." */
  public record Threshold(int min) implements RequestedStatement {}
}
