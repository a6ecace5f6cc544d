package io.credence.zk;

/**
 * What a score proof claims about the committed score s. Bounds are non-negative integers.
 *
 * <p>The bit length n of the underlying range proof is derived from the statement alone (the
 * verifier must know it without the secret): the smallest of 8, 16, 32, 64 that covers every
 * difference the proof may have to show for a Credence score (docs/zk-protocol.md §1). A verifier
 * also accepts a threshold proof with the n of an earlier edition of that rule; the proof's round
 * count then selects the n.
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
   * s ≥ t, proven as s − t ∈ [0, 2^n) on V − t·G. For t ≤ {@link #MAX_SCORE}, n is the smallest of
   * 8, 16, 32, 64 with {@link #MAX_SCORE} − t &lt; 2^n: every score from t to 850 fits, so n = 8
   * for 595 ≤ t ≤ 850 and n = 16 for t ≤ 594. The proof also shows s &lt; t + 2^n, which is vacuous
   * for Credence scores because t + 2^n &gt; 850. For t &gt; 850 (no Credence score meets it; only
   * an {@link Opening} of a larger value can) n is the smallest with t &lt; 2^n, as in earlier
   * editions. A prover whose s − t does not fit in n bits (only possible for a value above 850) is
   * refused.
   *
   * <p>Verifiers also accept proofs made under the rule of an earlier edition of the protocol
   * (docs/zk-protocol.md §1, "Legacy threshold proofs"): n = 8 for t &lt; 256 (first edition) and n
   * = 16 for 595 ≤ t ≤ 850 (second edition); the proof's round count selects which.
   */
  record Threshold(long t) implements Statement {
    public Threshold {
      if (t < 0) {
        throw new IllegalArgumentException("threshold must be non-negative");
      }
    }

    @Override
    public int bits() {
      return ScoreStatements.bitsCovering(t <= MAX_SCORE ? MAX_SCORE - t : t);
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
      return ScoreStatements.bitsCovering(hi - lo);
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
}
