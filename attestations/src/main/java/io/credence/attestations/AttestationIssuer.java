package io.credence.attestations;

import io.credence.zk.Opening;
import io.credence.zk.ScoreProof;
import io.credence.zk.ScoreProver;
import io.credence.zk.Statement;
import io.credence.zk.StatementNotSatisfiedException;
import io.credence.zk.Transcript;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * Issues credit attestations: proves the statement about the committed score (bound to the
 * attestation through the proof context), then EIP-712-signs the attestation with the issuer key.
 * Revocations are signed the same way. Thread-safe.
 */
public final class AttestationIssuer {

  private final Credentials key;
  private final ScoreProver prover;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param key the issuer's signing key (secret; comes from configuration, never the repo)
   * @param random source of nonces and proof randomness
   * @param clock source of issue times
   */
  public AttestationIssuer(Credentials key, SecureRandom random, Clock clock) {
    this.key = Objects.requireNonNull(key);
    this.random = Objects.requireNonNull(random);
    this.prover = new ScoreProver(random);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The issuer's address, which registries and lenders allow-list. */
  public Address address() {
    return new Address(key.getAddress());
  }

  /**
   * Proves {@code statement} about the committed score and signs the attestation.
   *
   * @param recipient the borrower's presentation address
   * @param opening score and blinding (secret; returned only inside the borrower's package)
   * @param statement threshold or band, bounds ≤ 65535
   * @param modelId id of the model that produced the score
   * @param validity how long the attestation is valid from now
   * @return the borrower's package, including the opening
   * @throws StatementNotSatisfiedException if the score does not satisfy the statement
   */
  public CredentialPackage issue(
      Address recipient, Opening opening, Statement statement, Bytes32 modelId, Duration validity) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    CreditAttestation draft =
        new CreditAttestation(
            CreditAttestation.SCHEMA_V1,
            address(),
            recipient,
            opening.commit(),
            statement,
            modelId,
            new Bytes32("0x" + "0".repeat(64)),
            now,
            now.plus(validity).truncatedTo(ChronoUnit.SECONDS),
            new BigInteger(256, random));
    ScoreProof proof =
        prover.prove(
            Transcript.create(Eip712.TRANSCRIPT_LABEL),
            statement,
            opening,
            Eip712.proofContext(draft));
    byte[] proofBytes = proof.proof().toAbiBytes();
    CreditAttestation attestation = draft.withProofHash(Eip712.proofHash(proofBytes));
    return new CredentialPackage(attestation, sign(attestation), proofBytes, Optional.of(opening));
  }

  /**
   * EIP-712-signs an attestation.
   *
   * @throws IllegalArgumentException if the attestation names another issuer
   */
  public byte[] sign(CreditAttestation attestation) {
    if (!attestation.issuer().equals(address())) {
      throw new IllegalArgumentException("attestation names another issuer");
    }
    return Eip712.sign(Eip712.uid(attestation), key.getEcKeyPair());
  }

  /** Signs a portable revocation of {@code uid}, valid on every chain. */
  public byte[] signRevocation(Bytes32 uid) {
    return Eip712.sign(Eip712.revocationDigest(uid), key.getEcKeyPair());
  }

  @Override
  public String toString() {
    return "AttestationIssuer[" + address() + "]";
  }
}
