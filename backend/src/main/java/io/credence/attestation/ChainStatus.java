package io.credence.attestation;

/**
 * An attestation on one chain.
 *
 * @param state what the borrower sees
 * @param txHash the mint (or, once revoked, the revocation) transaction, or null
 * @param block its block, or null
 * @param failure why minting failed or is being retried, or null
 * @param requested whether the borrower asked for this chain (revocations reach every chain)
 * @param revocationTxHash the revocation's transaction on this chain, or null
 */
public record ChainStatus(
    long chainId,
    String registry,
    State state,
    String txHash,
    Long block,
    String failure,
    boolean requested,
    String revocationTxHash) {

  /** Status of one chain. */
  public enum State {
    /** Waiting for the recipient's consent (or for them to mint it themselves). */
    AWAITING_CONSENT,
    /** Queued in the outbox. */
    PENDING,
    /** Sent; waiting for the receipt and its confirmations. */
    SUBMITTED,
    MINTED,
    /** Permanently refused (the reason is in {@code failure}). */
    FAILED,
    /** Revoked; the revocation is recorded on this chain when {@code revocationTxHash} is set. */
    REVOKED,
    /** Not requested here and not revoked. */
    NOT_REQUESTED
  }
}
