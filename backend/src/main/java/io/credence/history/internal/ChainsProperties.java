package io.credence.history.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The EVM chains whose lending markets are read ({@code credence.chains[...]}).
 *
 * @param chains every configured chain; empty = history reads nothing
 */
@Validated
@ConfigurationProperties("credence")
public record ChainsProperties(List<@Valid Chain> chains) {

  public ChainsProperties {
    chains = chains == null ? List.of() : List.copyOf(chains);
  }

  /** The chain with this id, if configured. */
  public Optional<Chain> chain(long chainId) {
    return chains.stream().filter(c -> c.id() == chainId).findFirst();
  }

  /**
   * One chain.
   *
   * @param id EIP-155 chain id
   * @param name the name used in exported histories, e.g. {@code ethereum}
   * @param rpcUrl JSON-RPC endpoint the server reads (historical {@code eth_call}s need an archive
   *     node)
   * @param publicRpcUrl the endpoint shown to users, or null to show none
   * @param confirmations only blocks at least this deep are read
   * @param maxBlockRange the largest {@code eth_getLogs} range asked for; ranges shrink when the
   *     node refuses one and grow back to this after successes
   * @param startBlock the first block read for a new wallet (e.g. the markets' deployment block)
   * @param registryAddress the Credence attestation registry on this chain, or null
   * @param markets the lending markets read
   */
  public record Chain(
      @Positive long id,
      @NotBlank String name,
      @NotBlank String rpcUrl,
      String publicRpcUrl,
      @Min(0) int confirmations,
      @Positive int maxBlockRange,
      @Min(0) long startBlock,
      String registryAddress,
      List<@Valid Market> markets) {

    public Chain {
      markets = markets == null ? List.of() : List.copyOf(markets);
    }
  }

  /**
   * One lending market.
   *
   * @param protocol {@code aave-v3} (an Aave v3 {@code Pool}) or {@code compound-v3} (a Comet)
   * @param address the Pool or Comet contract
   * @param oracle for Aave v3 the {@code AaveOracle}; unused for Comet, whose price feeds come from
   *     the market itself ({@code baseTokenPriceFeed}, {@code getAssetInfoByAddress})
   */
  public record Market(
      @NotNull Protocol protocol,
      @NotBlank @Pattern(regexp = "0x[0-9a-fA-F]{40}") String address,
      @Pattern(regexp = "0x[0-9a-fA-F]{40}") String oracle) {

    /** Lower-case address, the form stored. */
    public String key() {
      return address.toLowerCase(java.util.Locale.ROOT);
    }
  }
}
