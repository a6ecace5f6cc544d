package io.credence.attestations.lender;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.web3j.abi.datatypes.Address;

/**
 * What a lender requires of a credential.
 *
 * @param trustedIssuers issuer addresses the lender trusts; when empty, the registry's ISSUER_ROLE
 *     is used if {@code onChain} is set, otherwise {@link Check#ISSUER_ALLOWED} fails (fail closed)
 * @param minScore the statement must imply score ≥ this (a threshold t ≥ it, or a band with lo ≥
 *     it)
 * @param onChain also require the attestation to be minted and unrevoked on this registry
 */
public record VerificationPolicy(
    Set<Address> trustedIssuers, OptionalInt minScore, Optional<OnChainStatus> onChain) {

  /** Where to check on-chain status: a JSON-RPC URL and the registry's address. */
  public record OnChainStatus(String rpcUrl, Address registry) {
    public OnChainStatus {
      Objects.requireNonNull(rpcUrl);
      Objects.requireNonNull(registry);
    }
  }

  public VerificationPolicy {
    trustedIssuers = Set.copyOf(trustedIssuers);
    Objects.requireNonNull(minScore);
    Objects.requireNonNull(onChain);
  }

  /** Trust exactly these issuers; no minimum score; no on-chain check. */
  public static VerificationPolicy trusting(Set<Address> issuers) {
    return new VerificationPolicy(issuers, OptionalInt.empty(), Optional.empty());
  }

  public VerificationPolicy withMinScore(int score) {
    return new VerificationPolicy(trustedIssuers, OptionalInt.of(score), onChain);
  }

  public VerificationPolicy withOnChainStatus(String rpcUrl, Address registry) {
    return new VerificationPolicy(
        trustedIssuers, minScore, Optional.of(new OnChainStatus(rpcUrl, registry)));
  }
}
