package io.credence.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rank-1 constraint system in the form of the Bulletproofs paper (§5): {@code n} multiplication
 * gates {@code a_L[i]·a_R[i] = a_O[i]}, {@code m} committed high-level variables {@code v_j}, and
 * linear constraints, each a linear combination of gate wires, committed variables and the constant
 * 1 that must equal zero (docs/zk-protocol.md §13).
 *
 * <p>The same builder serves prover and verifier: a gadget called with witness values records them
 * (prover); called with {@code null} it only records the shape (verifier). Coefficients and witness
 * values are kept as small signed integers where possible and reduced mod r only when the protocol
 * needs field elements, so {@link #isSatisfied()} is cheap enough to run on many borrowers.
 */
final class ConstraintSystem {

  enum Kind {
    LEFT,
    RIGHT,
    OUTPUT,
    COMMITTED,
    ONE
  }

  /** A wire: {@code LEFT/RIGHT/OUTPUT} of gate {@code index}, committed variable, or 1. */
  record Variable(Kind kind, int index) {
    static final Variable ONE = new Variable(Kind.ONE, 0);
  }

  /** Σ coefficient·variable; mutable while a gadget builds it. */
  static final class Lc {
    final List<Variable> vars = new ArrayList<>();
    final List<BigInteger> coeffs = new ArrayList<>();

    static Lc of(Variable v) {
      return new Lc().add(v, 1);
    }

    static Lc constant(long c) {
      return new Lc().add(Variable.ONE, c);
    }

    Lc add(Variable v, long c) {
      return add(v, BigInteger.valueOf(c));
    }

    Lc add(Variable v, BigInteger c) {
      if (c.signum() != 0) {
        vars.add(v);
        coeffs.add(c);
      }
      return this;
    }

    /** this += c·other. */
    Lc add(Lc other, long c) {
      BigInteger bc = BigInteger.valueOf(c);
      for (int i = 0; i < other.vars.size(); i++) {
        add(other.vars.get(i), other.coeffs.get(i).multiply(bc));
      }
      return this;
    }
  }

  private final boolean withWitness;
  private final int committed;
  private final BigInteger[] v;
  private final List<BigInteger> aL = new ArrayList<>();
  private final List<BigInteger> aR = new ArrayList<>();
  private final List<BigInteger> aO = new ArrayList<>();
  private final List<Lc> constraints = new ArrayList<>();
  private byte[] digest;

  private ConstraintSystem(int committed, BigInteger[] v) {
    this.committed = committed;
    this.withWitness = v != null;
    this.v = v;
  }

  /** The verifier's (or the digest's) view: shape only. */
  static ConstraintSystem shape(int committed) {
    return new ConstraintSystem(committed, null);
  }

  /** The prover's view: committed values known. */
  static ConstraintSystem withWitness(BigInteger[] committedValues) {
    return new ConstraintSystem(committedValues.length, committedValues.clone());
  }

  boolean hasWitness() {
    return withWitness;
  }

  Variable committed(int j) {
    if (j < 0 || j >= committed) {
      throw new IllegalArgumentException("no committed variable " + j);
    }
    return new Variable(Kind.COMMITTED, j);
  }

  BigInteger committedValue(int j) {
    return v[j];
  }

  /**
   * Allocates a multiplication gate with witness {@code l·r = o} (values ignored without witness).
   * Returns {LEFT, RIGHT, OUTPUT}.
   */
  Variable[] gate(BigInteger l, BigInteger r) {
    int i = aL.size();
    if (withWitness) {
      aL.add(l);
      aR.add(r);
      aO.add(l.multiply(r));
    } else {
      aL.add(null);
      aR.add(null);
      aO.add(null);
    }
    return new Variable[] {
      new Variable(Kind.LEFT, i), new Variable(Kind.RIGHT, i), new Variable(Kind.OUTPUT, i)
    };
  }

  /** Adds the constraint {@code lc = 0}. */
  void constrain(Lc lc) {
    digest = null;
    constraints.add(lc);
  }

  /** The witness value of a wire (prover only). */
  BigInteger value(Variable var) {
    return switch (var.kind()) {
      case LEFT -> aL.get(var.index());
      case RIGHT -> aR.get(var.index());
      case OUTPUT -> aO.get(var.index());
      case COMMITTED -> v[var.index()];
      case ONE -> BigInteger.ONE;
    };
  }

  /** The witness value of a linear combination, as an exact integer (prover only). */
  BigInteger value(Lc lc) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < lc.vars.size(); i++) {
      acc = acc.add(lc.coeffs.get(i).multiply(value(lc.vars.get(i))));
    }
    return acc;
  }

  /** Number of gates actually allocated. */
  int gates() {
    return aL.size();
  }

  /** Gates padded to a power of two (at least 2), the n of the proof. */
  int paddedGates() {
    return Math.max(2, Integer.highestOneBit(Math.max(1, gates() - 1)) << 1);
  }

  int committedCount() {
    return committed;
  }

  int constraintCount() {
    return constraints.size();
  }

  /** Whether the witness satisfies every gate and every linear constraint (mod r). */
  boolean isSatisfied() {
    if (!withWitness) {
      throw new IllegalStateException("no witness");
    }
    for (int i = 0; i < aL.size(); i++) {
      if (!aL.get(i)
          .multiply(aR.get(i))
          .subtract(aO.get(i))
          .mod(ScalarField.R)
          .equals(BigInteger.ZERO)) {
        return false;
      }
    }
    for (Lc lc : constraints) {
      if (value(lc).mod(ScalarField.R).signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /** a_L, a_R, a_O reduced mod r and padded with zeros to {@code n}. */
  BigInteger[][] paddedWitness(int n) {
    BigInteger[][] out = new BigInteger[3][n];
    for (BigInteger[] row : out) {
      Arrays.fill(row, BigInteger.ZERO);
    }
    for (int i = 0; i < aL.size(); i++) {
      out[0][i] = aL.get(i).mod(ScalarField.R);
      out[1][i] = aR.get(i).mod(ScalarField.R);
      out[2][i] = aO.get(i).mod(ScalarField.R);
    }
    return out;
  }

  /**
   * The constraints weighted by powers of z, as the paper's vectors: {@code wL = z·W_L}, {@code wR
   * = z·W_R}, {@code wO = z·W_O} (length n), {@code wV = z·W_V} (length m) and {@code wc = ⟨z, c⟩},
   * where constraint q (0-based) gets weight z^(q+1) and {@code W_L a_L + W_R a_R + W_O a_O = W_V v
   * + c} (so committed-variable and constant coefficients change sign).
   */
  record Flattened(
      BigInteger[] wL, BigInteger[] wR, BigInteger[] wO, BigInteger[] wV, BigInteger wc) {}

  Flattened flatten(BigInteger z, int n) {
    BigInteger[] wL = zeros(n);
    BigInteger[] wR = zeros(n);
    BigInteger[] wO = zeros(n);
    BigInteger[] wV = zeros(committed);
    BigInteger wc = BigInteger.ZERO;
    BigInteger zq = z;
    for (Lc lc : constraints) {
      for (int t = 0; t < lc.vars.size(); t++) {
        Variable var = lc.vars.get(t);
        BigInteger c = ScalarField.mul(zq, lc.coeffs.get(t).mod(ScalarField.R));
        int i = var.index();
        switch (var.kind()) {
          case LEFT -> wL[i] = ScalarField.add(wL[i], c);
          case RIGHT -> wR[i] = ScalarField.add(wR[i], c);
          case OUTPUT -> wO[i] = ScalarField.add(wO[i], c);
          case COMMITTED -> wV[i] = ScalarField.sub(wV[i], c);
          case ONE -> wc = ScalarField.sub(wc, c);
        }
      }
      zq = ScalarField.mul(zq, z);
    }
    return new Flattened(wL, wR, wO, wV, wc);
  }

  /**
   * keccak-256 of the canonical encoding of the constraint system (docs/zk-protocol.md §13): {@code
   * u64(gates) ‖ u64(m) ‖ u64(q)}, then per constraint, in order, {@code u32(terms)} and its terms
   * with equal variables merged, zero coefficients dropped and sorted by (kind, index), each {@code
   * u8(kind) ‖ u32(index) ‖ u256(coefficient mod r)}; kinds: 0 a_L, 1 a_R, 2 a_O, 3 committed v, 4
   * the constant 1. Independent of how a gadget happened to write its sums.
   */
  byte[] digest() {
    if (digest == null) {
      digest = computeDigest();
    }
    return digest.clone();
  }

  private byte[] computeDigest() {
    List<byte[]> parts = new ArrayList<>();
    parts.add(Bytes.uint64(gates()));
    parts.add(Bytes.uint64(committed));
    parts.add(Bytes.uint64(constraints.size()));
    java.util.Comparator<Variable> order =
        java.util.Comparator.comparing(Variable::kind).thenComparingInt(Variable::index);
    for (Lc lc : constraints) {
      java.util.TreeMap<Variable, BigInteger> merged = new java.util.TreeMap<>(order);
      for (int t = 0; t < lc.vars.size(); t++) {
        merged.merge(lc.vars.get(t), lc.coeffs.get(t), BigInteger::add);
      }
      merged.values().removeIf(c -> c.mod(ScalarField.R).signum() == 0);
      parts.add(Bytes.uint32(merged.size()));
      merged.forEach(
          (var, c) -> {
            parts.add(new byte[] {(byte) var.kind().ordinal()});
            parts.add(Bytes.uint32(var.index()));
            parts.add(Bytes.uint256(c.mod(ScalarField.R)));
          });
    }
    return Bytes.keccak256(parts.toArray(byte[][]::new));
  }

  private static BigInteger[] zeros(int n) {
    BigInteger[] a = new BigInteger[n];
    Arrays.fill(a, BigInteger.ZERO);
    return a;
  }
}
