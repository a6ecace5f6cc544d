package io.credence.borrower;

import io.credence.auth.ChainFamily;
import java.time.Instant;

/**
 * A wallet linked to a borrower profile, as the API and portal show it.
 *
 * @param family the signature scheme ({@code evm} or {@code solana} in the API)
 * @param chainId the chain the holder signed for
 * @param chainName human-readable chain name
 */
public record LinkedWallet(
    WalletLinkId id,
    ChainFamily family,
    String chainId,
    String chainName,
    String address,
    Instant linkedAt) {}
