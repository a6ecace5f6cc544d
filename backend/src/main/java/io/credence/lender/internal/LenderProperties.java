package io.credence.lender.internal;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Server-side defaults of {@code POST /api/v1/verify} ({@code credence.lender}).
 *
 * @param trustedIssuers issuers trusted when a policy names none; empty = this server's own issuer
 *     key ({@code credence.issuer.key}), or without one the registry of the policy's chain decides
 *     (ISSUER_ROLE), and without a chain the issuer check fails closed
 */
@Validated
@ConfigurationProperties("credence.lender")
public record LenderProperties(
    List<
            @Pattern(
                regexp = "0x[0-9a-fA-F]{40}",
                message = "must be a 0x-prefixed 20-byte address")
            String>
        trustedIssuers) {
  public LenderProperties {
    trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
  }
}
