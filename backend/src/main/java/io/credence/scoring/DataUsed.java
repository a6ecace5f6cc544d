package io.credence.scoring;

import java.time.Instant;
import java.util.List;

/**
 * The history a score run read.
 *
 * @param asOf the scoring time: events up to it were read
 * @param chains per configured chain, when its last successful sync finished (null: never synced)
 * @param wallets the linked EVM wallets whose history contributed (lower-case addresses)
 */
public record DataUsed(Instant asOf, List<ChainAsOf> chains, List<String> wallets) {

  public DataUsed {
    chains = List.copyOf(chains);
    wallets = List.copyOf(wallets);
  }

  /** One chain's freshness. */
  public record ChainAsOf(long chainId, String chain, Instant syncedAt) {}
}
