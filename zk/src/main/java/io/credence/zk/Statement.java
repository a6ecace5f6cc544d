package io.credence.zk;

import java.math.BigInteger;

/**
 * What a score proof claims about the committed score s. Bounds are non-negative integers.
 *
 * <p>The bit length n of the underlying range proof is derived from the statement alone (the
 * verifier must know it without the secret): the smallest of 8, 16, 32, 64 that covers every
 * difference the proof may have to show for a Credence score (docs/zk-protocol.md §1).
 */
public sealed interface Statement permits Statement.Threshold, Statement.Band {

  /** The highest Credence score; scores are integers in [300, 850]. */
  long MAX_SCORE = 850;

  /** Bits per proven value: 8, 16, 32 or 64. */
  int bits();

  /** Number of aggregated values: 1 for a threshold, 2 for a band. */
  int values();

  /** The statement's transcript encoding (docs/zk-protocol.md). */
  byte[] encode();

  /**
   * s ≥ t, proven as s − t ∈ [0, 2^n) on V − t·G, with n the smallest of 8, 16, 32, 64 such that
   * both t &lt; 2^n and {@link #MAX_SCORE} − t &lt; 2^n: every score from t to 850 fits, so n = 16
   * for every t &lt; 65,536. The proof also shows s &lt; t + 2^n, which is vacuous for Credence
   * scores because t + 2^n &gt; 850. A prover whose s − t does not fit in n bits (only possible for
   * a value above 850) is refused.
   *
   * <p>Verifiers also accept, for t &lt; 256, an n = 8 proof made under the rule of the first
   * edition of the protocol (docs/zk-protocol.md §1, "Legacy threshold proofs").
   */
  record Threshold(long t) implements Statement {
    public Threshold {
      if (t < 0) {
        throw new IllegalArgumentException("threshold must be non-negative");
      }
    }

    @Override
    public int bits() {
      return bitsCovering(Math.max(t, MAX_SCORE - t));
    }

    @Override
    public int values() {
      return 1;
    }

    @Override
    public byte[] encode() {
      return Bytes.concat(new byte[] {0x01}, Bytes.uint64(t));
    }
  }

  /**
   * lo ≤ s ≤ hi, proven as an aggregated (m = 2) proof that s − lo and hi − s lie in [0, 2^n) on V
   * − lo·G and hi·G − V, with n the smallest of 8, 16, 32, 64 such that hi − lo &lt; 2^n.
   */
  record Band(long lo, long hi) implements Statement {
    public Band {
      if (lo < 0 || hi < lo) {
        throw new IllegalArgumentException("a band needs 0 ≤ lo ≤ hi");
      }
    }

    @Override
    public int bits() {
      return bitsCovering(hi - lo);
    }

    @Override
    public int values() {
      return 2;
    }

    @Override
    public byte[] encode() {
      return Bytes.concat(new byte[] {0x02}, Bytes.uint64(lo), Bytes.uint64(hi));
    }
  }

  private static int bitsCovering(long v) {
    for (int n = 8; n < 64; n *= 2) {
      if (BigInteger.valueOf(v).bitLength() <= n) {
        return n;
      }
    }
    return 64;
  }
}
