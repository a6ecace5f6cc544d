package io.credence.attestation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The attestation module's view of {@code credence.chains[...]} (the same list the history module
 * reads): the chains with a registry are where attestations are minted and revocations relayed.
 */
@ConfigurationProperties("credence")
public record AttestationChains(List<Chain> chains) {

  public AttestationChains {
    chains = chains == null ? List.of() : List.copyOf(chains);
  }

  /** Chains with a registry. */
  public List<Chain> withRegistry() {
    return chains.stream()
        .filter(c -> c.registryAddress() != null && !c.registryAddress().isBlank())
        .toList();
  }

  public Optional<Chain> chain(long id) {
    return withRegistry().stream().filter(c -> c.id() == id).findFirst();
  }

  /**
   * @param confirmations blocks on top of a receipt's block before a mint counts as done
   */
  public record Chain(
      long id, String name, String rpcUrl, Integer confirmations, String registryAddress) {
    public int confirmationsOrZero() {
      return confirmations == null ? 0 : confirmations;
    }
  }
}
