package io.credence.zk;

import java.math.BigInteger;

/**
 * What a score proof claims about the committed score s. Bounds are non-negative integers.
 *
 * <p>The bit length n of the underlying range proof is derived from the statement alone (the
 * verifier must know it without the secret): the smallest of 8, 16, 32, 64 that covers the
 * statement.
 */
public sealed interface Statement permits Statement.Threshold, Statement.Band {

  /** Bits per proven value: 8, 16, 32 or 64. */
  int bits();

  /** Number of aggregated values: 1 for a threshold, 2 for a band. */
  int values();

  /** The statement's transcript encoding (docs/zk-protocol.md). */
  byte[] encode();

  /**
   * s ≥ t, proven as s − t ∈ [0, 2^n) on V − t·G, with n the smallest of 8, 16, 32, 64 such that t
   * &lt; 2^n. The proof therefore also shows s &lt; t + 2^n; a prover whose s − t does not fit in n
   * bits is refused (for Credence scores ≤ 850 and thresholds ≥ 256 this never happens).
   */
  record Threshold(long t) implements Statement {
    public Threshold {
      if (t < 0) {
        throw new IllegalArgumentException("threshold must be non-negative");
      }
    }

    @Override
    public int bits() {
      return bitsCovering(t);
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
