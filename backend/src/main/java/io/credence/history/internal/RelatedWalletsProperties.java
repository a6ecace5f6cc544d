package io.credence.history.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code credence.history.related.*}: wallets the borrower did not link but that are related to a
 * linked one by direct transfers of the tracked markets' tokens (docs/history.md, "Related
 * wallets").
 *
 * @param enabled whether sync reads transfers and related wallets at all
 * @param dustUsd a transfer worth less than this (USD at its block) is not stored or counted: a
 *     stranger cannot taint a wallet with dust
 * @param minCounterpartyUsd a counterparty counts only if the transfers between it and the
 *     borrower's linked wallets on one chain add up to at least this (both directions); the default
 *     is the smallest total the scorer counts (two-way, {@code
 *     FeatureSchema.RELATED_TWO_WAY_MIN_USD}), so nothing the scorer would count is dropped here
 * @param maxRelated the most related wallets in one history (the history format allows 32)
 * @param maxCandidates the most counterparties whose lending markets one chain's sync reads
 *     (largest transfers first); bounds a sync's cost when a wallet has many counterparties
 * @param excludedAddresses exchanges, bridges and other shared wallets: never a related wallet
 */
@Validated
@ConfigurationProperties("credence.history.related")
public record RelatedWalletsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10") @PositiveOrZero BigDecimal dustUsd,
    @DefaultValue("100") @PositiveOrZero BigDecimal minCounterpartyUsd,
    @DefaultValue("32") @Positive @Max(32) int maxRelated,
    @DefaultValue("128") @Positive int maxCandidates,
    @DefaultValue List<@Pattern(regexp = "0x[0-9a-fA-F]{40}") String> excludedAddresses) {

  public RelatedWalletsProperties {
    excludedAddresses = excludedAddresses == null ? List.of() : List.copyOf(excludedAddresses);
  }

  /** The excluded addresses, lower case. */
  Set<String> excluded() {
    return excludedAddresses.stream()
        .map(a -> a.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
