package io.credence.attestations;

import io.credence.zk.Commitment;
import io.credence.zk.Statement;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * The EIP-712 typed {@code CreditAttestation} an issuer signs: "the holder of {@code recipient} has
 * a score committed in {@code commitment} that satisfies {@code statement}", backed by the range
 * proof whose keccak-256 is {@code proofHash}. See docs/attestations.md for the type string.
 *
 * @param schema version of the attestation schema ({@link #SCHEMA_V1})
 * @param issuer the signing issuer's address (must recover from the issuer signature)
 * @param recipient the borrower's presentation address
 * @param commitment Pedersen commitment to the score
 * @param statement threshold (score ≥ t) or band (lo ≤ score ≤ hi); bounds fit in uint16
 * @param modelId id of the scoring model that produced the score
 * @param proofHash keccak-256 of the range proof's ABI encoding
 * @param issuedAt issue time (whole seconds)
 * @param expiresAt expiry (whole seconds), after {@code issuedAt}
 * @param nonce issuer-chosen uint256 that makes every attestation unique
 */
public record CreditAttestation(
    Bytes32 schema,
    Address issuer,
    Address recipient,
    Commitment commitment,
    Statement statement,
    Bytes32 modelId,
    Bytes32 proofHash,
    Instant issuedAt,
    Instant expiresAt,
    BigInteger nonce) {

  /** keccak256("credence.credit-attestation.v1"). */
  public static final Bytes32 SCHEMA_V1 =
      Bytes32.of(org.web3j.crypto.Hash.sha3("credence.credit-attestation.v1".getBytes()));

  /** The {@code hi} a threshold statement is encoded with on-chain: unbounded above. */
  public static final int UNBOUNDED = 0xFFFF;

  /**
   * @throws IllegalArgumentException if a bound does not fit in uint16, the times are not whole
   *     seconds in order, or the nonce is not a uint256
   */
  public CreditAttestation {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(proofHash, "proofHash");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(nonce, "nonce");
    if (lo(statement) > UNBOUNDED || hi(statement) > UNBOUNDED) {
      throw new IllegalArgumentException("statement bounds must fit in uint16");
    }
    if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0 || !expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("times must be whole seconds with issuedAt < expiresAt");
    }
    if (nonce.signum() < 0 || nonce.bitLength() > 256) {
      throw new IllegalArgumentException("nonce must be a uint256");
    }
  }

  /** 1 for a threshold, 2 for a band (the contract's {@code statementKind}). */
  public int statementKind() {
    return statement instanceof Statement.Threshold ? 1 : 2;
  }

  /** The threshold t, or the band's lower bound. */
  public int lo() {
    return (int) lo(statement);
  }

  /** The band's upper bound, or {@link #UNBOUNDED} for a threshold. */
  public int hi() {
    return (int) hi(statement);
  }

  /** A copy with another proof hash (used while assembling an attestation). */
  CreditAttestation withProofHash(Bytes32 hash) {
    return new CreditAttestation(
        schema,
        issuer,
        recipient,
        commitment,
        statement,
        modelId,
        hash,
        issuedAt,
        expiresAt,
        nonce);
  }

  private static long lo(Statement s) {
    return s instanceof Statement.Threshold t ? t.t() : ((Statement.Band) s).lo();
  }

  private static long hi(Statement s) {
    return s instanceof Statement.Threshold ? UNBOUNDED : ((Statement.Band) s).hi();
  }
}
