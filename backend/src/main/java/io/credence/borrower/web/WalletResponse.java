package io.credence.borrower.web;

import io.credence.borrower.LinkedWallet;
import java.time.Instant;
import java.util.UUID;

/**
 * A linked wallet in the REST API.
 *
 * @param chain chain family code: {@code evm} or {@code solana}
 * @param chainId the chain the holder signed for
 * @param chainName human-readable chain name
 */
record WalletResponse(
    UUID id, String chain, String chainId, String chainName, String address, Instant linkedAt) {

  static WalletResponse of(LinkedWallet wallet) {
    return new WalletResponse(
        wallet.id().value(),
        wallet.family().code(),
        wallet.chainId(),
        wallet.chainName(),
        wallet.address(),
        wallet.linkedAt());
  }
}
