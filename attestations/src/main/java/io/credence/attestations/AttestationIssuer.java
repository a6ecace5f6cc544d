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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * Issues credit attestations: proves the statement about the committed score (bound to the
 * attestation through the proof context), then EIP-712-signs the attestation with the issuer key
 * (an EOA, or the owners of an ERC-1271 contract key). Revocations are signed the same way and are
 * portable ({@link SignedRevocation}). Thread-safe.
 *
 * <p>Supersession: when the issuer issues a newer attestation for a borrower, {@link #supersede}
 * signs the revocation of every earlier attestation of this issuer that claims more than the newer
 * one; the caller relays them to every registry, so a borrower cannot keep showing a stronger,
 * outdated attestation by withholding the newer one.
 */
public final class AttestationIssuer {

  /** Default validity of an attestation: short, so what a missed revocation leaves is bounded. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

  private final DigestSigner key;
  private final ScoreProver prover;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param key the issuer's signing key (secret; comes from configuration, never the repo)
   * @param random source of nonces and proof randomness
   * @param clock source of issue times
   */
  public AttestationIssuer(Credentials key, SecureRandom random, Clock clock) {
    this(DigestSigner.of(key), random, clock);
  }

  /**
   * @param key signs for the issuer address (e.g. the owners of an ERC-1271 multisig issuer)
   * @param random source of nonces and proof randomness
   * @param clock source of issue times
   */
  public AttestationIssuer(DigestSigner key, SecureRandom random, Clock clock) {
    this.key = Objects.requireNonNull(key);
    this.random = Objects.requireNonNull(random);
    this.prover = new ScoreProver(random);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The issuer's address, which registries and lenders allow-list. */
  public Address address() {
    return key.address();
  }

  /**
   * As {@link #issue(Address, Opening, Statement, Bytes32, Duration)} for {@link
   * #DEFAULT_VALIDITY}.
   */
  public CredentialPackage issue(
      Address recipient, Opening opening, Statement statement, Bytes32 modelId) {
    return issue(recipient, opening, statement, modelId, DEFAULT_VALIDITY);
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
    return issue(recipient, opening, statement, modelId, validity, statement.bits());
  }

  /**
   * As {@link #issue(Address, Opening, Statement, Bytes32, Duration)}, with the range proof's n
   * chosen among those verifiers accept and that hide the score ({@link ScoreProver#prove(
   * Transcript, Statement, Opening, byte[], int)}): for a threshold 595 ≤ t ≤ 850, n = 16 makes the
   * second-edition proof that a registry deployed before the third edition of the zk protocol (its
   * verifier is immutable) still accepts; current registries accept both.
   *
   * @param proofBits the range proof's n, e.g. {@code statement.bits()} (the default) or 16
   * @throws IllegalArgumentException if no verifier accepts {@code proofBits} for the statement or
   *     the proof would reveal more than the statement
   * @throws StatementNotSatisfiedException if the score does not satisfy the statement
   */
  public CredentialPackage issue(
      Address recipient,
      Opening opening,
      Statement statement,
      Bytes32 modelId,
      Duration validity,
      int proofBits) {
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
            Eip712.proofContext(draft),
            proofBits);
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
    return key.sign(Eip712.uid(attestation));
  }

  /** Signs a portable revocation of {@code uid}, valid on every chain. */
  public byte[] signRevocation(Bytes32 uid) {
    return key.sign(Eip712.revocationDigest(uid));
  }

  /** A portable revocation of {@code uid} by this issuer, to relay to every registry. */
  public SignedRevocation revocation(Bytes32 uid) {
    return new SignedRevocation(uid, address(), signRevocation(uid));
  }

  /**
   * Signed revocations of the earlier attestations that {@code newer} supersedes: those of this
   * issuer, issued no later than {@code newer}, that claim more than it (their score interval does
   * not contain the newer one's, e.g. an older threshold 700 when the newer says 650). Attestations
   * of other issuers and {@code newer} itself are ignored.
   *
   * @param newer the attestation just issued
   * @param earlier the borrower's earlier attestations (from the issuer's records)
   * @throws IllegalArgumentException if {@code newer} names another issuer
   */
  public List<SignedRevocation> supersede(
      CreditAttestation newer, Collection<CreditAttestation> earlier) {
    if (!newer.issuer().equals(address())) {
      throw new IllegalArgumentException("attestation names another issuer");
    }
    Bytes32 newUid = Eip712.uid(newer);
    List<SignedRevocation> out = new ArrayList<>();
    for (CreditAttestation old : earlier) {
      Bytes32 uid = Eip712.uid(old);
      if (old.issuer().equals(address())
          && !uid.equals(newUid)
          && !old.issuedAt().isAfter(newer.issuedAt())
          && claimsMore(old, newer)) {
        out.add(revocation(uid));
      }
    }
    return List.copyOf(out);
  }

  /** True when {@code a}'s score interval [lo, hi] does not contain {@code b}'s. */
  static boolean claimsMore(CreditAttestation a, CreditAttestation b) {
    return a.lo() > b.lo() || a.hi() < b.hi();
  }

  @Override
  public String toString() {
    return "AttestationIssuer[" + address() + "]";
  }
}
