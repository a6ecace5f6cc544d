package io.credence.attestations.lender;

import java.util.List;
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
 * @param onChain also require the attestation to be minted and valid on this registry (not revoked,
 *     not expired, issuer key not suspended for it)
 * @param revocationSources further registries (e.g. on every other chain) that must hold no
 *     revocation of the attestation and no suspension of its issuer key covering it; a revocation
 *     recorded on any chain then fails the check even where it has not been relayed yet
 */
public record VerificationPolicy(
    Set<Address> trustedIssuers,
    OptionalInt minScore,
    Optional<OnChainStatus> onChain,
    List<OnChainStatus> revocationSources) {

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
    revocationSources = List.copyOf(revocationSources);
  }

  /** Trust exactly these issuers; no minimum score; no on-chain check. */
  public static VerificationPolicy trusting(Set<Address> issuers) {
    return new VerificationPolicy(issuers, OptionalInt.empty(), Optional.empty(), List.of());
  }

  public VerificationPolicy withMinScore(int score) {
    return new VerificationPolicy(
        trustedIssuers, OptionalInt.of(score), onChain, revocationSources);
  }

  public VerificationPolicy withOnChainStatus(String rpcUrl, Address registry) {
    return new VerificationPolicy(
        trustedIssuers,
        minScore,
        Optional.of(new OnChainStatus(rpcUrl, registry)),
        revocationSources);
  }

  /** Also consult this registry for revocations and suspensions (see {@code revocationSources}). */
  public VerificationPolicy withRevocationSource(String rpcUrl, Address registry) {
    List<OnChainStatus> more = new java.util.ArrayList<>(revocationSources);
    more.add(new OnChainStatus(rpcUrl, registry));
    return new VerificationPolicy(trustedIssuers, minScore, onChain, more);
  }
}
