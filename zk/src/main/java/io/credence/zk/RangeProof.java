package io.credence.zk;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * An aggregated Bulletproofs range proof (Bünz et al. 2018) that each of m committed values lies in
 * [0, 2^n), on BN254 G1 with a logarithmic inner-product argument.
 *
 * <p>This is the general m-value API; {@link ScoreProver} and {@link ScoreVerifier} build score
 * statements on top of it. Supported parameters: n ∈ {8, 16, 32, 64}, m a power of two ≤ 64.
 *
 * <p>Encodings (docs/zk-protocol.md): {@link #toBytes()} is the canonical form, 32·(9 + 2k) bytes
 * with k = log2(n·m) (608 bytes for n = 16, m = 2); {@link #toAbiBytes()} is {@code abi.encode} of
 * the Solidity struct with uncompressed points. Both decoders are strict and reject anything the
 * encoders would not produce. Instances are immutable and hold only public data.
 */
public final class RangeProof {

  /** log2(64·64): the most inner-product rounds any supported (n, m) needs. */
  static final int MAX_ROUNDS = 12;

  private static final int HEADER_WORDS = 9; // A S T1 T2 t_x tau_x mu a b

  /**
   * The weights' source for {@link #verify(Transcript, int, List, byte[])}: one per process
   * (SecureRandom is thread-safe), since seeding a new one cost about 1.5 % of an n = 64
   * verification.
   */
  private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

  final GroupElement a;
  final GroupElement s;
  final GroupElement t1;
  final GroupElement t2;
  final BigInteger tx;
  final BigInteger taux;
  final BigInteger mu;
  final GroupElement[] ls;
  final GroupElement[] rs;
  final BigInteger ipaA;
  final BigInteger ipaB;

  RangeProof(
      GroupElement a,
      GroupElement s,
      GroupElement t1,
      GroupElement t2,
      BigInteger tx,
      BigInteger taux,
      BigInteger mu,
      GroupElement[] ls,
      GroupElement[] rs,
      BigInteger ipaA,
      BigInteger ipaB) {
    this.a = a;
    this.s = s;
    this.t1 = t1;
    this.t2 = t2;
    this.tx = tx;
    this.taux = taux;
    this.mu = mu;
    this.ls = ls.clone();
    this.rs = rs.clone();
    this.ipaA = ipaA;
    this.ipaB = ipaB;
  }

  /**
   * Proves that every opening's value lies in [0, 2^n). The transcript must be in the state the
   * verifier will start from; {@code context} is bound into the proof (e.g. the attestation it
   * backs).
   *
   * @throws StatementNotSatisfiedException if a value is not in [0, 2^n) (no proof is produced)
   * @throws IllegalArgumentException if n or m is unsupported
   */
  public static RangeProof prove(
      Transcript transcript, int n, List<Opening> openings, byte[] context, SecureRandom rnd) {
    int m = openings.size();
    BigInteger[] v = new BigInteger[m];
    BigInteger[] gamma = new BigInteger[m];
    GroupElement[] commitments = new GroupElement[m];
    for (int j = 0; j < m; j++) {
      v[j] = openings.get(j).value();
      gamma[j] = openings.get(j).blinding().value();
      commitments[j] = openings.get(j).commit().point();
    }
    return RangeProofProtocol.prove(
        transcript, n, RangeProofProtocol.RAW_STATEMENT, commitments, v, gamma, context, rnd);
  }

  /**
   * Verifies that each commitment hides a value in [0, 2^n).
   *
   * @throws ProofVerificationException if the proof does not verify, with the reason
   */
  public void verify(Transcript transcript, int n, List<Commitment> commitments, byte[] context)
      throws ProofVerificationException {
    verify(transcript, n, commitments, context, DEFAULT_RANDOM);
  }

  /**
   * As {@link #verify(Transcript, int, List, byte[])}, with the verifier's private weight drawn
   * from the given source.
   *
   * @throws ProofVerificationException if the proof does not verify, with the reason
   */
  public void verify(
      Transcript transcript,
      int n,
      List<Commitment> commitments,
      byte[] context,
      SecureRandom random)
      throws ProofVerificationException {
    RangeProofProtocol.verify(
        List.of(
            new RangeProofProtocol.Claim(
                transcript,
                n,
                RangeProofProtocol.RAW_STATEMENT,
                commitments.stream().map(Commitment::point).toArray(GroupElement[]::new),
                context,
                this)),
        random);
  }

  /** Number of inner-product rounds k = log2(n·m). */
  public int rounds() {
    return ls.length;
  }

  /** Canonical encoding length for k rounds: 32·(9 + 2k). */
  public static int canonicalLength(int rounds) {
    return 32 * (HEADER_WORDS + 2 * rounds);
  }

  /**
   * Canonical encoding: A ‖ S ‖ T1 ‖ T2 (compressed, 32 bytes each) ‖ t_x ‖ τ_x ‖ μ (32-byte
   * big-endian) ‖ L_1 ‖ R_1 ‖ … ‖ L_k ‖ R_k (compressed) ‖ a ‖ b.
   */
  public byte[] toBytes() {
    byte[][] parts = new byte[HEADER_WORDS + 2 * ls.length][];
    int i = 0;
    parts[i++] = PointCodec.compress(a);
    parts[i++] = PointCodec.compress(s);
    parts[i++] = PointCodec.compress(t1);
    parts[i++] = PointCodec.compress(t2);
    parts[i++] = Bytes.uint256(tx);
    parts[i++] = Bytes.uint256(taux);
    parts[i++] = Bytes.uint256(mu);
    for (int r = 0; r < ls.length; r++) {
      parts[i++] = PointCodec.compress(ls[r]);
      parts[i++] = PointCodec.compress(rs[r]);
    }
    parts[i++] = Bytes.uint256(ipaA);
    parts[i] = Bytes.uint256(ipaB);
    return Bytes.concat(parts);
  }

  /**
   * Decodes the canonical encoding.
   *
   * @throws ProofVerificationException if the length is not 32·(9 + 2k) for 0 ≤ k ≤ 12, a point is
   *     non-canonical, off the curve or the identity, or a scalar is ≥ r
   */
  public static RangeProof fromBytes(byte[] bytes) throws ProofVerificationException {
    int len = bytes.length;
    int min = canonicalLength(0);
    if (len < min || (len - min) % 64 != 0) {
      throw new ProofVerificationException(
          Reason.WRONG_LENGTH, "canonical proof length " + len + " is not 32·(9 + 2k)");
    }
    int k = (len - min) / 64;
    checkRounds(k);
    int off = 0;
    GroupElement a = PointCodec.decompress(bytes, off, false);
    GroupElement s = PointCodec.decompress(bytes, off += 32, false);
    GroupElement t1 = PointCodec.decompress(bytes, off += 32, false);
    GroupElement t2 = PointCodec.decompress(bytes, off += 32, false);
    BigInteger tx = scalar(bytes, off += 32);
    BigInteger taux = scalar(bytes, off += 32);
    BigInteger mu = scalar(bytes, off += 32);
    GroupElement[] ls = new GroupElement[k];
    GroupElement[] rs = new GroupElement[k];
    for (int r = 0; r < k; r++) {
      ls[r] = PointCodec.decompress(bytes, off += 32, false);
      rs[r] = PointCodec.decompress(bytes, off += 32, false);
    }
    BigInteger ia = scalar(bytes, off += 32);
    BigInteger ib = scalar(bytes, off + 32);
    return new RangeProof(a, s, t1, t2, tx, taux, mu, ls, rs, ia, ib);
  }

  /**
   * Decodes the canonical encoding of a proof for n-bit values and m commitments.
   *
   * @throws ProofVerificationException as {@link #fromBytes(byte[])}, and with {@link
   *     Reason#UNSUPPORTED_PARAMETERS} or {@link Reason#ROUND_COUNT_MISMATCH} if (n, m) is not
   *     supported or the proof does not have log2(n·m) rounds
   */
  public static RangeProof fromBytes(byte[] bytes, int n, int m) throws ProofVerificationException {
    return expectRounds(fromBytes(bytes), n, m);
  }

  /**
   * Decodes the ABI encoding of a proof for n-bit values and m commitments.
   *
   * @throws ProofVerificationException as {@link #fromBytes(byte[], int, int)}
   */
  public static RangeProof fromAbiBytes(byte[] bytes, int n, int m)
      throws ProofVerificationException {
    return expectRounds(fromAbiBytes(bytes), n, m);
  }

  private static RangeProof expectRounds(RangeProof p, int n, int m)
      throws ProofVerificationException {
    RangeProofProtocol.checkParameters(n, m);
    int k = Integer.numberOfTrailingZeros(n * m);
    if (p.rounds() != k) {
      throw new ProofVerificationException(
          Reason.ROUND_COUNT_MISMATCH, "proof has " + p.rounds() + " rounds, n·m needs " + k);
    }
    return p;
  }

  /** ABI encoding length for k rounds: 32 + 15·32 + 2·(32 + 64k). */
  public static int abiLength(int rounds) {
    return 32 + 15 * 32 + 2 * (32 + 64 * rounds);
  }

  /**
   * {@code abi.encode(p)} for the Solidity struct
   *
   * <pre>
   * struct RangeProof {
   *   uint256[2] A; uint256[2] S; uint256[2] T1; uint256[2] T2;
   *   uint256 tx; uint256 taux; uint256 mu;
   *   uint256[2][] L; uint256[2][] R;
   *   uint256 a; uint256 b;
   * }
   * </pre>
   *
   * so a contract can {@code abi.decode(proof, (RangeProof))}. Points are uncompressed (x, y).
   */
  public byte[] toAbiBytes() {
    int k = ls.length;
    byte[][] parts = new byte[16 + 2 * (1 + 2 * k)][];
    int i = 0;
    parts[i++] = Bytes.uint256(BigInteger.valueOf(32)); // offset of the (dynamic) struct
    parts[i++] = PointCodec.uncompressed(a);
    parts[i++] = PointCodec.uncompressed(s);
    parts[i++] = PointCodec.uncompressed(t1);
    parts[i++] = PointCodec.uncompressed(t2);
    parts[i++] = Bytes.uint256(tx);
    parts[i++] = Bytes.uint256(taux);
    parts[i++] = Bytes.uint256(mu);
    parts[i++] = Bytes.uint256(BigInteger.valueOf(abiOffsetL()));
    parts[i++] = Bytes.uint256(BigInteger.valueOf(abiOffsetR(k)));
    parts[i++] = Bytes.uint256(ipaA);
    parts[i++] = Bytes.uint256(ipaB);
    parts[i++] = Bytes.uint256(BigInteger.valueOf(k));
    for (GroupElement l : ls) {
      parts[i++] = PointCodec.uncompressed(l);
    }
    parts[i++] = Bytes.uint256(BigInteger.valueOf(k));
    for (GroupElement r : rs) {
      parts[i++] = PointCodec.uncompressed(r);
    }
    return Bytes.concat(Arrays.copyOf(parts, i));
  }

  /**
   * Decodes {@link #toAbiBytes()} strictly: the head offsets and array lengths must be exactly the
   * ones the encoder writes, and points and scalars are validated as in {@link #fromBytes(byte[])}.
   *
   * @throws ProofVerificationException on any deviation
   */
  public static RangeProof fromAbiBytes(byte[] bytes) throws ProofVerificationException {
    int len = bytes.length;
    int min = abiLength(0);
    if (len < min || (len - min) % 128 != 0) {
      throw new ProofVerificationException(
          Reason.WRONG_LENGTH, "ABI proof length " + len + " is not 576 + 128k");
    }
    int k = (len - min) / 128;
    checkRounds(k);
    expectWord(bytes, 0, 32, "struct offset");
    int base = 32;
    expectWord(bytes, base + 11 * 32, abiOffsetL(), "offset of L");
    expectWord(bytes, base + 12 * 32, abiOffsetR(k), "offset of R");
    expectWord(bytes, base + abiOffsetL(), k, "length of L");
    expectWord(bytes, base + abiOffsetR(k), k, "length of R");
    GroupElement a = PointCodec.decodeUncompressed(bytes, base, false);
    GroupElement s = PointCodec.decodeUncompressed(bytes, base + 64, false);
    GroupElement t1 = PointCodec.decodeUncompressed(bytes, base + 128, false);
    GroupElement t2 = PointCodec.decodeUncompressed(bytes, base + 192, false);
    BigInteger tx = scalar(bytes, base + 256);
    BigInteger taux = scalar(bytes, base + 288);
    BigInteger mu = scalar(bytes, base + 320);
    BigInteger ia = scalar(bytes, base + 13 * 32);
    BigInteger ib = scalar(bytes, base + 14 * 32);
    GroupElement[] ls = new GroupElement[k];
    GroupElement[] rs = new GroupElement[k];
    for (int r = 0; r < k; r++) {
      ls[r] = PointCodec.decodeUncompressed(bytes, base + abiOffsetL() + 32 + 64 * r, false);
      rs[r] = PointCodec.decodeUncompressed(bytes, base + abiOffsetR(k) + 32 + 64 * r, false);
    }
    return new RangeProof(a, s, t1, t2, tx, taux, mu, ls, rs, ia, ib);
  }

  private static int abiOffsetL() {
    return 15 * 32;
  }

  private static int abiOffsetR(int k) {
    return 15 * 32 + 32 + 64 * k;
  }

  private static void expectWord(byte[] bytes, int off, long expected, String what)
      throws ProofVerificationException {
    if (!Bytes.readUint256(bytes, off).equals(BigInteger.valueOf(expected))) {
      throw new ProofVerificationException(Reason.WRONG_LENGTH, "non-canonical ABI " + what);
    }
  }

  private static void checkRounds(int k) throws ProofVerificationException {
    if (k > MAX_ROUNDS) {
      throw new ProofVerificationException(
          Reason.ROUND_COUNT_MISMATCH, k + " rounds exceed the maximum of " + MAX_ROUNDS);
    }
  }

  private static BigInteger scalar(byte[] bytes, int off) throws ProofVerificationException {
    BigInteger v = ScalarField.fromBytes32(bytes, off);
    if (v == null) {
      throw new ProofVerificationException(Reason.SCALAR_OUT_OF_RANGE, "scalar ≥ r at byte " + off);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangeProof p && Arrays.equals(toBytes(), p.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "RangeProof[rounds=" + rounds() + ", bytes=" + canonicalLength(rounds()) + "]";
  }
}
