package io.credence.attestations;

import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A registry call failed. {@link #reason()} names the contract's custom error when the call
 * reverted with one; {@link #receipt()} is present when a transaction was mined but failed.
 */
public final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The registry's and verifier's custom errors, plus transport-level failures. */
  public enum Reason {
    INVALID_ISSUER_SIGNATURE,
    UNAUTHORIZED_ISSUER,
    ATTESTATION_EXPIRED,
    INVALID_STATEMENT,
    CONSENT_REQUIRED,
    INVALID_CONSENT,
    PROOF_HASH_MISMATCH,
    ALREADY_MINTED,
    ATTESTATION_REVOKED,
    UNKNOWN_ATTESTATION,
    NOT_ISSUER,
    SOULBOUND,
    /** The on-chain range-proof verifier rejected the proof (detail names its reason). */
    INVALID_PROOF,
    /** OpenZeppelin AccessControl refused the caller. */
    ACCESS_DENIED,
    /** Reverted with data this client does not recognise. */
    OTHER_REVERT,
    /** The node could not be reached or answered with an error that is not a revert. */
    TRANSPORT
  }

  private final Reason reason;
  private final transient TransactionReceipt receipt;

  RegistryException(Reason reason, String message, TransactionReceipt receipt, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
    this.receipt = receipt;
  }

  public Reason reason() {
    return reason;
  }

  public Optional<TransactionReceipt> receipt() {
    return Optional.ofNullable(receipt);
  }
}
