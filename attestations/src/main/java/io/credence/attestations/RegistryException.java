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
    /** The issuer key is suspended on this registry (detail: issuer and suspension time). */
    ISSUER_SUSPENDED,
    ATTESTATION_EXPIRED,
    /** issuedAt lies more than the registry's clock skew in the future. */
    ISSUED_IN_FUTURE,
    /** expiresAt − issuedAt exceeds the registry's maxValidity. */
    VALIDITY_TOO_LONG,
    /** issuedAt or expiresAt does not fit the registry's 48-bit timestamps. */
    TIMESTAMP_OUT_OF_RANGE,
    INVALID_STATEMENT,
    CONSENT_REQUIRED,
    INVALID_CONSENT,
    PROOF_HASH_MISMATCH,
    ALREADY_MINTED,
    ATTESTATION_REVOKED,
    UNKNOWN_ATTESTATION,
    NOT_ISSUER,
    /** A signed revocation does not verify for the signer it names. */
    INVALID_REVOCATION_SIGNATURE,
    /** A suspension that is zero or later than the existing one, or a zero max validity. */
    INVALID_SUSPENSION,
    ZERO_ADDRESS,
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
