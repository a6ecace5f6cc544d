package io.credence.wallet;

import java.time.Instant;
import java.util.UUID;

/**
 * A wallet linked to a borrower profile, as the API and portal show it.
 *
 * @param chain chain family code: {@code evm} or {@code solana}
 * @param chainId the chain the holder signed for
 * @param chainName human-readable chain name
 */
public record LinkedWallet(
    UUID id, String chain, String chainId, String chainName, String address, Instant linkedAt) {}
