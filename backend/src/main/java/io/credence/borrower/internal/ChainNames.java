package io.credence.borrower.internal;

import java.util.Map;

/** Display names for the chains borrowers link on. */
public final class ChainNames {

  private static final Map<String, String> EVM =
      Map.of(
          "1", "Ethereum",
          "10", "OP Mainnet",
          "137", "Polygon",
          "8453", "Base",
          "42161", "Arbitrum One",
          "31337", "Local chain (Anvil)");

  private ChainNames() {}

  public static String of(io.credence.auth.ChainFamily family, String chainId) {
    if (family == io.credence.auth.ChainFamily.SOLANA) {
      return "Solana " + chainId;
    }
    return EVM.getOrDefault(chainId, "EVM chain " + chainId);
  }
}
