package io.credence.history;

import io.credence.history.internal.ChainsProperties;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The Credence registry on each configured chain, with the JSON-RPC endpoint the server itself
 * reads (issue 11: server-side verification of on-chain status). The RPC URL may carry an API key:
 * it is for server-side calls only and must never appear in a response.
 */
@Service
public class ChainRegistries {

  private final ChainsProperties chains;

  ChainRegistries(ChainsProperties chains) {
    this.chains = chains;
  }

  /**
   * A chain with a registry.
   *
   * @param chainId EIP-155 chain id
   * @param name the configured name
   * @param rpcUrl the server's (private) endpoint
   * @param registryAddress the registry contract
   */
  public record ChainRegistry(long chainId, String name, String rpcUrl, String registryAddress) {}

  /** Every configured chain that has a registry, in configuration order. */
  public List<ChainRegistry> all() {
    return chains.chains().stream()
        .filter(c -> c.registryAddress() != null && !c.registryAddress().isBlank())
        .map(c -> new ChainRegistry(c.id(), c.name(), c.rpcUrl(), c.registryAddress()))
        .toList();
  }

  /** The registry on this chain, if the chain is configured with one. */
  public Optional<ChainRegistry> on(long chainId) {
    return all().stream().filter(r -> r.chainId() == chainId).findFirst();
  }
}
