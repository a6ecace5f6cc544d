package io.credence.lender.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A lender's policy; every part optional.
 *
 * @param minScore the attested statement must imply score ≥ this
 * @param minBand the attested statement must imply a score in this band or a better one
 * @param maxAgeDays the attestation must have been issued at most this many days ago
 * @param issuers issuers the lender trusts (replaces the server's default)
 * @param chainId the attestation must be minted and valid on this chain's registry
 */
public record VerificationPolicyRequest(
    @Min(300) @Max(850) Integer minScore,
    @Pattern(regexp = "[A-Za-z]{1,4}") String minBand,
    @Positive @Max(3650) Integer maxAgeDays,
    @Size(max = 20)
        List<@Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 20-byte address") String>
            issuers,
    @Positive Long chainId) {

  public static VerificationPolicyRequest none() {
    return new VerificationPolicyRequest(null, null, null, null, null);
  }

  public VerificationPolicyRequest {
    issuers = issuers == null ? null : List.copyOf(issuers);
  }
}
